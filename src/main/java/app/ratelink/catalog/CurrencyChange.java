package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What the operator sets on a currency (operator API body, admin form). Optional fields may be null;
 * {@code reserveFormula}: null keeps it, blank removes it, else an expression over rate sources. */
public record CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                             Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                             String paymentInstructions, String accountPattern, List<String> aliases,
                             String reserveFormula) {

    /** A change that leaves the reserve formula as it is. */
    public CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                          Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                          String paymentInstructions, String accountPattern, List<String> aliases) {
        this(name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, null);
    }
}
