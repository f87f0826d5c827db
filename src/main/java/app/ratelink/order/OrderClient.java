package app.ratelink.order;

/**
 * Who placed an order, as far as the request tells: the client's real address, browser, first-party
 * visitor id, the partner referral when a partner sent the client (null otherwise), and the language of the
 * request ({@code en}, {@code ru}: the client's mails are written in it).
 */
public record OrderClient(String ip, String userAgent, String visitorId, Referral referral, String language) {

    public OrderClient(String ip, String userAgent, String visitorId, Referral referral) {
        this(ip, userAgent, visitorId, referral, OrderLanguages.DEFAULT);
    }

    public OrderClient {
        language = OrderLanguages.of(language);
    }

    public static OrderClient anonymous() {
        return new OrderClient(null, null, null, null);
    }
}
