package app.ratelink.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the product writes decimals everywhere a machine reads them ('.', no exponent, no trailing zeros), and the
 * only place besides {@link Money} where a decimal is rounded to a scale (ArchitectureTest keeps it so).
 */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(BigDecimal value) {
        return normalized(value).toPlainString();
    }

    /** Rounded down (towards zero) at {@code scale} decimals: what the exchanger pays or promises. */
    public static BigDecimal down(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.DOWN);
    }

    /** Rounded up (away from zero) at {@code scale} decimals: what the exchanger charges or asks for. */
    public static BigDecimal up(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UP);
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
