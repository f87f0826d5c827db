package app.ratelink.payout;

/** Why a payout request was refused; the partner API turns each reason into its exact text. */
public class PayoutRefused extends RuntimeException {

    public enum Reason { NOT_ENOUGH_MONEY, INVALID_ACCOUNT, METHOD_NOT_ALLOWED }

    private final Reason reason;

    PayoutRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
