package app.ratelink.referral;

/** The click could not be committed (database down, overload); the visitor is still redirected. */
class ClickNotStoredException extends RuntimeException {

    ClickNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
