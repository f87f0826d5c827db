package app.ratelink.system;

/**
 * Input refused before anything changed; {@code field} names the offending input (JSON name). The message is
 * English (the APIs answer it); {@link #refusal()} gives pages its bundle key to say it in the reader's language.
 */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final transient Refusal refusal;

    public BadRequestException(String field, String message) {
        this(field, Refusal.text(message));
    }

    public BadRequestException(String field, Refusal refusal) {
        super(refusal.text());
        this.field = field;
        this.refusal = refusal;
    }

    public String field() {
        return field;
    }

    public Refusal refusal() {
        return refusal;
    }
}
