package app.ratelink.order;

/**
 * Which partner (and which of its clicks) sent the client who creates an order, with the partner's sub-IDs
 * of that click (copied to the order).
 */
public record Referral(long partnerId, Long clickId, String userHash, SubIds subIds) {

    public Referral {
        subIds = subIds == null ? SubIds.NONE : subIds;
    }

    public Referral(long partnerId, Long clickId, String userHash) {
        this(partnerId, clickId, userHash, SubIds.NONE);
    }
}
