package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What the operator sets on a currency (operator API body, admin form). Optional fields may be null. */
public record CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                             Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                             String paymentInstructions, String accountPattern, List<String> aliases) {
}
