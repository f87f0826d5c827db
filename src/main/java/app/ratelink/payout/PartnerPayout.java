package app.ratelink.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payout request: {@code originalAmount} left the balance (base currency), {@code payAmount} is paid in
 * the method's currency after its fee. Status 0 pending, 1 paid, 2 rejected, 3 cancelled by the partner.
 */
public record PartnerPayout(long id, Instant time, long methodId, String account, BigDecimal payAmount,
                            String payCurrencyCode, BigDecimal originalAmount, String originalCurrencyCode, int status) {
}
