package app.ratelink.order;

import app.ratelink.system.ConflictException;
import app.ratelink.system.Refusal;

/** A move the status graph does not allow (e.g. cancelled → paid); nothing was changed. */
public class IllegalStatusChangeException extends ConflictException {

    private final transient OrderStatus current;
    private final transient OrderStatus requested;

    public IllegalStatusChangeException(long orderId, OrderStatus current, OrderStatus requested) {
        super(Refusal.of("refusal.order.illegalStatus",
                "Order " + orderId + " is " + current.code() + " and cannot become " + requested.code(),
                status(current), status(requested)));
        this.current = current;
        this.requested = requested;
    }

    /** The status's name in the reader's language (the order pages' {@code site.status.*}). */
    private static Refusal status(OrderStatus s) {
        return Refusal.of("site.status." + s.code(), s.code());
    }

    public OrderStatus current() {
        return current;
    }

    public OrderStatus requested() {
        return requested;
    }
}
