package app.ratelink.catalog;

import java.math.BigDecimal;

/** One line of a bulk rate update; {@code reserve}, when given, is the new reserve of {@code to}. */
public record RateChange(String from, String to, BigDecimal in, BigDecimal out, BigDecimal reserve) {
}
