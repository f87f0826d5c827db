package app.ratelink.feed;

import java.math.BigDecimal;
import java.util.Set;

import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Fee;

/**
 * One line of a rate file: a direction as a monitoring reads it, with the rate already written as
 * {@code in}/{@code out} (the smaller side 1) and the limits in both currencies. A cash direction gives
 * one line per city.
 *
 * @param amount reserve of {@code to}, at its scale
 * @param min    minimum order in {@code from}; {@code max} likewise; {@code toMin}/{@code toMax} the same in {@code to}
 */
record FeedLine(String from, String to, BigDecimal in, BigDecimal out, BigDecimal amount, BigDecimal min,
                BigDecimal max, BigDecimal toMin, BigDecimal toMax, String fromUnit, String toUnit, Fee minFee,
                Fee fromFee, Fee toFee, Set<DirectionFlag> flags, String city) {
}
