package app.ratelink.payout;

import java.math.BigDecimal;
import java.time.Instant;

import app.ratelink.money.BaseCurrency;

/** A payout request with everything the operator sees. */
public record Payout(long id, long partnerId, long methodId, String currencyCode, String account,
                     BigDecimal originalAmount, BigDecimal feePercent, BigDecimal payAmount, PayoutStatus status,
                     String comment, String decidedBy, Instant createdAt, Instant decidedAt) {

    public PartnerPayout forPartner() {
        return new PartnerPayout(id, createdAt, methodId, account, payAmount, currencyCode, originalAmount,
                BaseCurrency.code(), status.code());
    }
}
