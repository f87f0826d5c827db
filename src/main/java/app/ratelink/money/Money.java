package app.ratelink.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of one currency. Arithmetic keeps full precision; rounding happens only at
 * the boundary where an amount is shown, stored as final, or paid ({@link #roundedTo}).
 * Equality is by value ({@code 1.50 USD} equals {@code 1.5 USD}), never by {@link BigDecimal#equals}.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final String currency;

    private Money(BigDecimal amount, String currency) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** Applies a percentage, e.g. {@code percent(2)} of 100 is 2. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2), currency);
    }

    /** Converts at {@code rate} units of {@code target} per unit of this currency. */
    public Money convert(BigDecimal rate, String target) {
        return new Money(amount.multiply(rate), target);
    }

    /** The rounding boundary: amounts that are shown, stored as final or paid go through here. */
    public Money roundedTo(int scale, RoundingMode mode) {
        return new Money(amount.setScale(scale, mode), currency);
    }

    /** Towards zero at {@code scale} decimals (the currency's scale): what the exchanger pays or promises. */
    public Money down(int scale) {
        return roundedTo(scale, RoundingMode.DOWN);
    }

    /** Away from zero at {@code scale} decimals (the currency's scale): what the exchanger charges or asks for. */
    public Money up(int scale) {
        return roundedTo(scale, RoundingMode.UP);
    }

    /** The same amount without trailing zeros (a NUMERIC(38,18) column reads back as 100.000…). */
    public Money normalized() {
        return new Money(Decimals.normalized(amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Plain decimal without exponent or trailing zeros: {@code 241.57}, {@code 0.00012}, {@code 10}. */
    public String toPlainString() {
        return Decimals.plain(amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency;
    }
}
