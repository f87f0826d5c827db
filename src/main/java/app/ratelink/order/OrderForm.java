package app.ratelink.order;

/**
 * What a client submits on the direction page, as typed (the form keeps it on errors). {@code city} only
 * matters for cash directions.
 */
public record OrderForm(String from, String to, String amount, String account, String email, String city) {
}
