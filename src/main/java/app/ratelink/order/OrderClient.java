package app.ratelink.order;

/**
 * Who placed an order, as far as the request tells: the client's real address, browser, first-party
 * visitor id, and the partner referral when a partner sent the client (null otherwise).
 */
public record OrderClient(String ip, String userAgent, String visitorId, Referral referral) {

    public static OrderClient anonymous() {
        return new OrderClient(null, null, null, null);
    }
}
