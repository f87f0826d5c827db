package app.ratelink.system;

/** Input refused before anything changed; {@code field} names the offending input (JSON name). */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
