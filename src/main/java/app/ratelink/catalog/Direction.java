package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

/**
 * An exchange pair: the client gives {@code rateIn} of {@code from} and gets {@code rateOut} of {@code to}.
 * Limits are in {@code from}. {@code profitPercent} is the exchanger's margin, the base of partner rewards.
 * {@code rateFormula} (null: a manual rate) makes the rate follow rate sources (feature {@code rates});
 * {@code rateUnavailable} is set while such a rate cannot be trusted (a stale source): the direction then
 * leaves the feeds and its page takes no orders, until the source is fresh again.
 */
public record Direction(long id, String from, String to, BigDecimal rateIn, BigDecimal rateOut,
                        BigDecimal minAmount, BigDecimal maxAmount, Fee minFee, Fee fromFee, Fee toFee,
                        Set<DirectionFlag> flags, List<String> cities, BigDecimal profitPercent,
                        BigDecimal rewardPercent, BigDecimal rewardFixed, boolean active, String rateFormula,
                        boolean rateUnavailable) {

    /** A direction with the operator's manual rate (no formula). */
    public Direction(long id, String from, String to, BigDecimal rateIn, BigDecimal rateOut,
                     BigDecimal minAmount, BigDecimal maxAmount, Fee minFee, Fee fromFee, Fee toFee,
                     Set<DirectionFlag> flags, List<String> cities, BigDecimal profitPercent,
                     BigDecimal rewardPercent, BigDecimal rewardFixed, boolean active) {
        this(id, from, to, rateIn, rateOut, minAmount, maxAmount, minFee, fromFee, toFee, flags, cities,
                profitPercent, rewardPercent, rewardFixed, active, null, false);
    }

    /** Units of {@code to} per one unit of {@code from}, unrounded beyond 34 significant digits. */
    public BigDecimal price() {
        return rateOut.divide(rateIn, MathContext.DECIMAL128);
    }

    public boolean has(DirectionFlag flag) {
        return flags.contains(flag);
    }

    /** Listed and orderable as far as its rate goes. */
    public boolean rateAvailable() {
        return !rateUnavailable;
    }

    public boolean isCash() {
        return !cities.isEmpty();
    }
}
