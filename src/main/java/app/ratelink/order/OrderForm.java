package app.ratelink.order;

/**
 * What a client submits on the direction page, as typed (the form keeps it on errors). {@code city} only
 * matters for cash directions, {@code consent} (the checkbox accepting the exchange rules) for directions that
 * require it.
 */
public record OrderForm(String from, String to, String amount, String account, String email, String city,
                        Boolean consent) {

    public OrderForm(String from, String to, String amount, String account, String email, String city) {
        this(from, to, amount, account, email, city, null);
    }

    /** The checkbox was ticked (a form without it binds null). */
    public boolean consented() {
        return Boolean.TRUE.equals(consent);
    }
}
