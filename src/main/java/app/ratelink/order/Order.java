package app.ratelink.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One exchange made by a client. The rate ({@code rateIn}/{@code rateOut}) is the direction's rate at
 * creation, locked for the life of the order; {@code amountGet} was computed from it, rounded down at the
 * scale of {@code to} so the client is never promised more than the exchanger gives.
 * {@code partnerId}, {@code clickId} and {@code userHash} are null for orders no partner referred;
 * {@code subIds} are the partner's tags of the click ({@link SubIds#NONE} when none).
 */
public record Order(long id, String publicId, String from, String to, BigDecimal rateIn, BigDecimal rateOut,
                    BigDecimal amountGive, BigDecimal amountGet, String account, String email, String city,
                    OrderStatus status, Instant createdAt, Instant updatedAt, Instant expiresAt, String clientIp,
                    String userAgent, String visitorId, Long partnerId, Long clickId, String userHash,
                    BigDecimal partnerReward, SubIds subIds) {

    public Order {
        subIds = subIds == null ? SubIds.NONE : subIds;
    }

    public boolean isNew() {
        return status == OrderStatus.NEW;
    }

    /** Whether an unpaid order has outlived its payment window at {@code now}. */
    public boolean isOverdue(Instant now) {
        return status == OrderStatus.NEW && !expiresAt.isAfter(now);
    }
}
