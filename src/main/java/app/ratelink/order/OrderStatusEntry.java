package app.ratelink.order;

import java.time.Instant;

/** One line of an order's status history; {@code from} is null for the creation entry. */
public record OrderStatusEntry(long id, long orderId, OrderStatus from, OrderStatus to, String actor,
                               String comment, Instant at) {
}
