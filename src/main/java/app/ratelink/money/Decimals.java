package app.ratelink.money;

import java.math.BigDecimal;

/** How the product writes decimals everywhere a machine reads them: '.', no exponent, no trailing zeros. */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(BigDecimal value) {
        return normalized(value).toPlainString();
    }

    /**
     * The value without trailing zeros and with a scale of at least 0, so that it prints the same with
     * {@code toString()} and {@code toPlainString()} (a NUMERIC(38,18) column reads back as 100.000…).
     */
    public static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
