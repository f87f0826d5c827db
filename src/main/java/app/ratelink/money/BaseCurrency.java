package app.ratelink.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one owner of the base currency (SPEC §4: rewards, the partner ledger and payout requests are kept in
 * USD, the currency of every {@code usd_rate}). Read through methods, never a {@code static final String}:
 * javac copies such a constant into its readers, so a feature reading another feature's constant depended on
 * it without the bytecode saying so (a {@code reward ⇄ payout} cycle hid that way; ArchitectureTest now
 * forbids a BASE_CURRENCY field outside this package).
 */
public final class BaseCurrency {

    private static final String CODE = "USD";
    /** Cents: a reward or balance has no finer unit (SPEC §4: "Rewards below 0.01 USD are not credited"). */
    private static final int SCALE = 2;

    private BaseCurrency() {
    }

    public static String code() {
        return CODE;
    }

    public static int scale() {
        return SCALE;
    }

    public static Money of(BigDecimal amount) {
        return Money.of(amount, CODE);
    }

    public static Money zero() {
        return Money.zero(CODE);
    }

    /** Down to the cent: a partner is never credited more than it earned. */
    public static Money cents(Money amount) {
        return requireBase(amount).roundedTo(SCALE, RoundingMode.DOWN);
    }

    /** The amount, refusing one in another currency: the ledger adds nothing but base-currency amounts. */
    public static Money requireBase(Money amount) {
        if (!CODE.equals(amount.currency())) {
            throw new IllegalArgumentException("Not in the base currency " + CODE + ": " + amount);
        }
        return amount;
    }
}
