package app.ratelink.payout;

import java.math.BigDecimal;
import java.time.Instant;

import app.ratelink.money.Money;

/**
 * A payout request with everything the operator sees: {@code originalAmount} left the balance (base currency),
 * {@code payAmount} is paid in {@code currencyCode} after the fee.
 */
public record Payout(long id, long partnerId, long methodId, String currencyCode, String account,
                     Money originalAmount, BigDecimal feePercent, Money payAmount, PayoutStatus status,
                     String comment, String decidedBy, Instant createdAt, Instant decidedAt) {

    public PartnerPayout forPartner() {
        return new PartnerPayout(id, createdAt, methodId, account, payAmount.amount(), payAmount.currency(),
                originalAmount.amount(), originalAmount.currency(), status.code());
    }
}
