package app.ratelink.order;

import app.ratelink.system.ConflictException;
import app.ratelink.system.Refusal;

/** The order kept changing under us (other nodes moving it at the same moment); nothing was applied. */
public class ConcurrentStatusChangeException extends ConflictException {

    public ConcurrentStatusChangeException(long orderId) {
        super(Refusal.of("refusal.order.concurrent", "Order " + orderId + " was changed at the same moment; try again"));
    }
}
