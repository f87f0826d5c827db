package app.ratelink.payout;

import java.math.BigDecimal;

/** A way to be paid: a currency with payout allowed; {@code id} is the currency's id. */
public record PayoutMethod(long id, String title, String currencyCode, BigDecimal feePercent) {
}
