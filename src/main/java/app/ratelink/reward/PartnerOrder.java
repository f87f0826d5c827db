package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as its partner sees it (partner API {@code get_exchanges}, cabinet): the locked rate as
 * {@code course}, whether it completed, and whether its reward is credited right now.
 */
public record PartnerOrder(long id, Instant time, BigDecimal courseGive, BigDecimal courseGet, BigDecimal amountGive,
                           BigDecimal amountGet, boolean success, boolean accrued, BigDecimal partnerReward,
                           String userHash, String currencyCodeGive, String currencyCodeGet) {
}
