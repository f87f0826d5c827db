package app.ratelink.order;

import java.time.Instant;

/**
 * Published inside the transaction that changed an order's status (listeners that must be atomic with
 * the change, like reward crediting, use {@code @EventListener}; others {@code @TransactionalEventListener}).
 */
public record OrderStatusChanged(long orderId, OrderStatus from, OrderStatus to, String actor, Instant at) {
}
