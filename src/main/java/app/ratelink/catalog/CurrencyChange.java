package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What the operator sets on a currency (operator API body, admin form). Optional fields may be null;
 * {@code reserveFormula}: null keeps it, blank removes it, else an expression over rate sources;
 * {@code reserveAlert}: null keeps it, 0 removes it, else the reserve below which the dashboard calls it low. */
public record CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                             Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                             String paymentInstructions, String accountPattern, List<String> aliases,
                             String reserveFormula, BigDecimal reserveAlert) {

    /** A change that leaves the reserve formula and the reserve alert as they are. */
    public CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                          Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                          String paymentInstructions, String accountPattern, List<String> aliases) {
        this(name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, null, null);
    }

    /** A change that leaves the reserve alert as it is. */
    public CurrencyChange(String name, String unit, Integer scale, BigDecimal reserve, BigDecimal usdRate,
                          Boolean active, Boolean payoutAllowed, BigDecimal payoutFeePercent,
                          String paymentInstructions, String accountPattern, List<String> aliases,
                          String reserveFormula) {
        this(name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, reserveFormula, null);
    }
}
