package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

import app.ratelink.money.Decimals;
import app.ratelink.money.Money;

/**
 * A payment method as monitorings know it: {@code code} is the monitoring code (PMUSD, BTC, CARDRUB),
 * {@code unit} the suffix used in limits (USD, BTC, RUB), {@code scale} the number of decimals amounts
 * of it are kept at, {@code usdRate} the USD value of one unit (for rewards and limit conversion),
 * {@code reserveAlert} the reserve below which the operator's dashboard calls it low (0: never).
 * {@code reserve} is the base the operator sets; {@code held} what paid orders not yet done will pay out of it.
 * Pages, feeds and the order check show and use {@link #available()}.
 */
public record Currency(long id, String code, String name, String unit, int scale, BigDecimal reserve,
                       BigDecimal usdRate, boolean active, boolean payoutAllowed, BigDecimal payoutFeePercent,
                       String paymentInstructions, String accountPattern, List<String> aliases,
                       BigDecimal reserveAlert, BigDecimal held) {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");

    /** Without a reserve alert ({@code reserveAlert} 0: never low) and with nothing held. */
    public Currency(long id, String code, String name, String unit, int scale, BigDecimal reserve, BigDecimal usdRate,
                    boolean active, boolean payoutAllowed, BigDecimal payoutFeePercent, String paymentInstructions,
                    String accountPattern, List<String> aliases) {
        this(id, code, name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** With nothing held. */
    public Currency(long id, String code, String name, String unit, int scale, BigDecimal reserve, BigDecimal usdRate,
                    boolean active, boolean payoutAllowed, BigDecimal payoutFeePercent, String paymentInstructions,
                    String accountPattern, List<String> aliases, BigDecimal reserveAlert) {
        this(id, code, name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent, paymentInstructions,
                accountPattern, aliases, reserveAlert, BigDecimal.ZERO);
    }

    public Currency {
        reserveAlert = reserveAlert == null ? BigDecimal.ZERO : reserveAlert;
        held = held == null ? BigDecimal.ZERO : held;
    }

    /** Whether what is available is below the operator's alert threshold ({@code reserveAlert}; 0 = no alert). */
    public boolean reserveLow() {
        return reserveAlert.signum() > 0 && available().compareTo(reserveAlert) < 0;
    }

    /** What can still be promised: the base reserve less the holds, at this currency's scale, never below 0. */
    public BigDecimal available() {
        BigDecimal left = reserve.subtract(held);
        return left.signum() <= 0 ? BigDecimal.ZERO : Decimals.normalized(Decimals.down(left, scale));
    }

    public Money money(BigDecimal amount) {
        return Money.of(amount, code);
    }

    /** Rounds an amount to this currency's scale at the given rounding boundary. */
    public BigDecimal round(BigDecimal amount, RoundingMode mode) {
        return money(amount).roundedTo(scale, mode).amount();
    }

    /** Whether a client's account (wallet, card, …) has this currency's format; any non-blank when no pattern is set. */
    public boolean acceptsAccount(String account) {
        if (account == null || account.isBlank() || account.length() > 200) {
            return false;
        }
        return accountPattern.isEmpty() || AccountPattern.matches(accountPattern, account.trim());
    }
}
