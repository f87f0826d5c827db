package app.ratelink.postback;

/**
 * An endpoint the partner asked for that cannot be saved: {@code field} is the form field, {@code code} the
 * message key (bundle {@code i18n/postbacks}), {@code args} its arguments.
 */
public final class PostbackRefused extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] args;

    PostbackRefused(String field, String code, Object... args) {
        super(code, null, false, false);
        this.field = field;
        this.code = code;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
