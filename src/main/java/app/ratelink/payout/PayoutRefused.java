package app.ratelink.payout;

/** Why a payout request was refused; the partner API turns each reason into its exact text. */
public class PayoutRefused extends RuntimeException {

    public enum Reason { NOT_ENOUGH_MONEY, NEGATIVE_BALANCE, INVALID_ACCOUNT, METHOD_NOT_ALLOWED }

    private final Reason reason;

    PayoutRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The exact text SPEC §6 gives for this refusal; the cabinet shows the same words as the API. */
    public String text() {
        return switch (reason) {
            // A negative balance is not enough money too: the API's clients know this text only.
            case NOT_ENOUGH_MONEY, NEGATIVE_BALANCE -> "Error! There is not enough money on your balance";
            case INVALID_ACCOUNT -> "Error! Invalid wallet account";
            case METHOD_NOT_ALLOWED -> "Error! Selected currency can not be ordered payment";
        };
    }
}
