package app.ratelink.system;

/**
 * A request that is well-formed but not allowed in the current state (e.g. an illegal status change). The
 * message is English (the APIs answer it); {@link #refusal()} says it on pages in the reader's language.
 */
public class ConflictException extends RuntimeException {

    private final transient Refusal refusal;

    public ConflictException(String message) {
        this(Refusal.text(message));
    }

    public ConflictException(Refusal refusal) {
        super(refusal.text());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
