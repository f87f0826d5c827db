package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import app.ratelink.money.Decimals;

/** One line of a bulk rate update; {@code reserve}, when given, is the new reserve of {@code to}. */
public record RateChange(String from, String to, BigDecimal in, BigDecimal out, BigDecimal reserve) {

    /** Decimals kept of the side that is not 1 (the directions table keeps 18). */
    private static final int SCALE = 18;

    /**
     * The pair in/out for a price in units of {@code to} per unit of {@code from}, with the smaller side 1:
     * 1 : price when the price is at least 1, else 1/price (rounded up: the client never gets more) : 1.
     */
    public static RateChange ofPrice(String from, String to, BigDecimal price) {
        if (price.compareTo(BigDecimal.ONE) >= 0) {
            return new RateChange(from, to, BigDecimal.ONE,
                    Decimals.normalized(price.setScale(SCALE, RoundingMode.DOWN)), null);
        }
        return new RateChange(from, to, Decimals.normalized(BigDecimal.ONE.divide(price, SCALE, RoundingMode.UP)),
                BigDecimal.ONE, null);
    }
}
