package app.ratelink.order;

/** Which partner (and which of its clicks) sent the client who creates an order. */
public record Referral(long partnerId, Long clickId, String userHash) {
}
