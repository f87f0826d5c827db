package app.ratelink.postback;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import app.ratelink.money.Decimals;
import app.ratelink.order.Order;
import app.ratelink.order.OrderCreated;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.OrderStatusChanged;
import app.ratelink.order.Orders;
import app.ratelink.order.SubIds;
import app.ratelink.payout.Payout;
import app.ratelink.payout.PayoutDecided;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;

/**
 * Turns order and payout changes into postback events, inside the transaction that made the change: the
 * listeners run just before its commit (after the synchronous ones, so the reward credited or reversed on
 * the order is the one announced), and their outbox rows commit or roll back with the change. Only orders a
 * partner referred are announced, to that partner.
 */
@Component
class PostbackOutbox {

    private final Postbacks postbacks;
    private final Orders orders;
    private final Payouts payouts;

    PostbackOutbox(Postbacks postbacks, Orders orders, Payouts payouts) {
        this.postbacks = postbacks;
        this.orders = orders;
        this.payouts = payouts;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onCreated(OrderCreated event) {
        orders.find(event.orderId()).filter(o -> o.partnerId() != null)
                .ifPresent(o -> postbacks.announce(o.partnerId(), PostbackEvent.ORDER_CREATED, o.createdAt(), values(o)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onStatusChanged(OrderStatusChanged event) {
        Optional<PostbackEvent> announced = of(event.to());
        if (announced.isEmpty()) {
            return;
        }
        orders.find(event.orderId()).filter(o -> o.partnerId() != null)
                .ifPresent(o -> postbacks.announce(o.partnerId(), announced.get(), event.at(), values(o, event.to())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onPayoutDecided(PayoutDecided event) {
        PostbackEvent announced = event.status() == PayoutStatus.PAID ? PostbackEvent.PAYOUT_PAID
                : event.status() == PayoutStatus.REJECTED ? PostbackEvent.PAYOUT_REJECTED : null;
        if (announced == null) {
            return;
        }
        payouts.byId(event.payoutId()).ifPresent(p -> postbacks.announce(p.partnerId(), announced,
                p.decidedAt() == null ? p.createdAt() : p.decidedAt(), values(p)));
    }

    static Optional<PostbackEvent> of(OrderStatus status) {
        return Optional.ofNullable(switch (status) {
            case PAID -> PostbackEvent.ORDER_PAID;
            case SUCCESS -> PostbackEvent.ORDER_SUCCESS;
            case CANCELLED -> PostbackEvent.ORDER_CANCELLED;
            case REFUNDED -> PostbackEvent.ORDER_REFUNDED;
            default -> null;
        });
    }

    private static Map<String, String> values(Order o) {
        return values(o, o.status());
    }

    /** The order's values; {@code status}: the one the event is about (the order may have moved on since). */
    private static Map<String, String> values(Order o, OrderStatus status) {
        Map<String, String> v = new HashMap<>();
        v.put("order_id", Long.toString(o.id()));
        v.put("status", status.code());
        v.put("amount_give", plain(o.amountGive()));
        v.put("currency_give", o.from());
        v.put("amount_get", plain(o.amountGet()));
        v.put("currency_get", o.to());
        v.put("reward", plain(o.partnerReward()));
        SubIds tags = o.subIds();
        for (String name : SubIds.NAMES) {
            v.put(name, tags.get(name));
        }
        return v;
    }

    private static Map<String, String> values(Payout p) {
        Map<String, String> v = new HashMap<>();
        v.put("payout_id", Long.toString(p.id()));
        v.put("status", p.status().label());
        v.put("amount_give", p.originalAmount().toPlainString());
        v.put("currency_give", p.originalAmount().currency());
        v.put("amount_get", p.payAmount().toPlainString());
        v.put("currency_get", p.payAmount().currency());
        return v;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : Decimals.plain(value);
    }
}
