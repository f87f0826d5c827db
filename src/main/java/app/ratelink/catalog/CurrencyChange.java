package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What the operator sets on a currency (operator API body, admin form). Optional fields may be null. */
public record CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                             Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                             String paymentInstructions, String accountPattern, List<String> aliases,
                             BigDecimal reserveAlert) {

    /** Without a reserve alert: the currency keeps the one it has. */
    public CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                          Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                          String paymentInstructions, String accountPattern, List<String> aliases) {
        this(name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, null);
    }
}
