package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

import app.ratelink.money.Money;

/**
 * A payment method as monitorings know it: {@code code} is the monitoring code (PMUSD, BTC, CARDRUB),
 * {@code unit} the suffix used in limits (USD, BTC, RUB), {@code scale} the number of decimals amounts
 * of it are kept at, {@code usdRate} the USD value of one unit (for rewards and limit conversion),
 * {@code reserveAlert} the reserve below which the operator's dashboard calls it low (0: never).
 */
public record Currency(long id, String code, String name, String unit, int scale, BigDecimal reserve,
                       BigDecimal usdRate, boolean active, boolean payoutAllowed, BigDecimal payoutFeePercent,
                       String paymentInstructions, String accountPattern, List<String> aliases,
                       BigDecimal reserveAlert) {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");

    /** Without a reserve alert ({@code reserveAlert} 0: never low). */
    public Currency(long id, String code, String name, String unit, int scale, BigDecimal reserve, BigDecimal usdRate,
                    boolean active, boolean payoutAllowed, BigDecimal payoutFeePercent, String paymentInstructions,
                    String accountPattern, List<String> aliases) {
        this(id, code, name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, BigDecimal.ZERO);
    }

    public Currency {
        reserveAlert = reserveAlert == null ? BigDecimal.ZERO : reserveAlert;
    }

    /** Whether the reserve is below the operator's alert threshold ({@code reserveAlert}; 0 = no alert). */
    public boolean reserveLow() {
        return reserveAlert.signum() > 0 && reserve.compareTo(reserveAlert) < 0;
    }

    public Money money(BigDecimal amount) {
        return Money.of(amount, code);
    }

    /** Rounds an amount to this currency's scale at the given rounding boundary. */
    public BigDecimal round(BigDecimal amount, RoundingMode mode) {
        return amount.setScale(scale, mode);
    }

    /** Whether a client's account (wallet, card, …) has this currency's format; any non-blank when no pattern is set. */
    public boolean acceptsAccount(String account) {
        if (account == null || account.isBlank() || account.length() > 200) {
            return false;
        }
        return accountPattern.isEmpty() || account.trim().matches(accountPattern);
    }
}
