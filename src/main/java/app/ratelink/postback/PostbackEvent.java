package app.ratelink.postback;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to, by the names partners see (the {@code events} checkboxes). */
public enum PostbackEvent {
    ORDER_CREATED("order.created"),
    ORDER_PAID("order.paid"),
    /** The order completed and its reward was credited. */
    ORDER_SUCCESS("order.success"),
    ORDER_CANCELLED("order.cancelled"),
    /** The order was refunded and its reward reversed. */
    ORDER_REFUNDED("order.refunded"),
    PAYOUT_PAID("payout.paid"),
    PAYOUT_REJECTED("payout.rejected"),
    /** A counted click through the partner's link (optional: partners with much traffic rarely want it). */
    CLICK("click");

    /** The event of the "send test event" button; no endpoint subscribes to it. */
    public static final String TEST = "test";

    private final String wireName;

    PostbackEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PostbackEvent> of(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
