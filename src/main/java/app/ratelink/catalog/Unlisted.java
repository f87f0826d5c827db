package app.ratelink.catalog;

import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a direction is in no rate feed, whatever the profile (SPEC §7: active directions of active currencies
 * whose rate is available and whose reserve covers the minimum order). The feeds and the operator's dashboard ask the same rule, so
 * the dashboard's "out of the feeds, and why" is what the monitorings really see.
 */
public enum Unlisted {
    /** The direction is switched off. */
    INACTIVE,
    /** One of its currencies is switched off (or missing). */
    CURRENCY_INACTIVE,
    /** Its rate comes from a source that has gone stale (rate formulas): it cannot be trusted now. */
    STALE_RATE,
    /** A side of its rate is zero. */
    NO_RATE,
    /** The reserve of the currency given out is zero or does not cover the minimum order. */
    NO_RESERVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Empty when the direction is listed (by a profile that lists it). */
    public static Optional<Unlisted> of(Direction d, Currency from, Currency to) {
        if (!d.active()) {
            return Optional.of(INACTIVE);
        }
        if (from == null || to == null || !from.active() || !to.active()) {
            return Optional.of(CURRENCY_INACTIVE);
        }
        if (!d.rateAvailable()) {
            return Optional.of(STALE_RATE);
        }
        if (d.rateIn().signum() <= 0 || d.rateOut().signum() <= 0) {
            return Optional.of(NO_RATE);
        }
        if (to.reserve().signum() <= 0 || to.reserve().compareTo(minimumInTo(d, to)) < 0) {
            return Optional.of(NO_RESERVE);
        }
        return Optional.empty();
    }

    /** The minimum order converted into the currency given out, rounded down to its scale. */
    public static java.math.BigDecimal minimumInTo(Direction d, Currency to) {
        return d.minAmount().multiply(d.rateOut()).divide(d.rateIn(), MathContext.DECIMAL128)
                .setScale(to.scale(), RoundingMode.DOWN);
    }
}
