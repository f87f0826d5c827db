package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.Instant;

import app.ratelink.order.SubIds;

/**
 * An order as its partner sees it (partner API {@code get_exchanges}, cabinet): the locked rate as
 * {@code course}, whether it completed, whether its reward is credited right now, and the partner's sub-IDs.
 */
public record PartnerOrder(long id, Instant time, BigDecimal courseGive, BigDecimal courseGet, BigDecimal amountGive,
                           BigDecimal amountGet, boolean success, boolean accrued, BigDecimal partnerReward,
                           String userHash, String currencyCodeGive, String currencyCodeGet, SubIds subIds) {
}
