package app.ratelink.apikey;

/**
 * A scope the partner asked for that cannot be saved: {@code field} is the form field ({@code methods},
 * {@code allowedIps}), {@code code} the message key, {@code argument} what was wrong.
 */
public final class InvalidKeyScopeException extends RuntimeException {

    private final String field;
    private final String code;
    private final String argument;

    InvalidKeyScopeException(String field, String code, String argument) {
        super(code + ": " + argument, null, false, false);
        this.field = field;
        this.code = code;
        this.argument = argument;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String argument() {
        return argument;
    }
}
