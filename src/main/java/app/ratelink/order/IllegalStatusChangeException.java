package app.ratelink.order;

import app.ratelink.system.ConflictException;

/** A move the status graph does not allow (e.g. cancelled → paid); nothing was changed. */
public class IllegalStatusChangeException extends ConflictException {

    private final transient OrderStatus current;
    private final transient OrderStatus requested;

    public IllegalStatusChangeException(long orderId, OrderStatus current, OrderStatus requested) {
        super("Order " + orderId + " is " + current.code() + " and cannot become " + requested.code());
        this.current = current;
        this.requested = requested;
    }

    public OrderStatus current() {
        return current;
    }

    public OrderStatus requested() {
        return requested;
    }
}
