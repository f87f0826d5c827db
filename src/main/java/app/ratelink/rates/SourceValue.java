package app.ratelink.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * The accepted value of one key of a source, and a held jump: a value more than the source's
 * {@code maxJumpPercent} away from the accepted one is kept aside ({@code held}) and counted while the
 * following polls agree with it; it is accepted on the third such poll or by an admin.
 */
public record SourceValue(String source, String key, BigDecimal value, Instant acceptedAt, BigDecimal held,
                          int heldCount, Instant heldSince) {

    /** Polls in a row that must show a jump before it is accepted by itself. */
    static final int AGREEING_POLLS = 3;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What becomes of this value when a poll reads {@code next}. */
    SourceValue next(BigDecimal next, BigDecimal maxJumpPercent, Instant now) {
        if (!jump(value, next, maxJumpPercent)) {
            return new SourceValue(source, key, next, now, null, 0, null);
        }
        if (held != null && !jump(held, next, maxJumpPercent)) {
            int count = heldCount + 1;
            if (count >= AGREEING_POLLS) {
                return new SourceValue(source, key, next, now, null, 0, null);
            }
            return new SourceValue(source, key, value, acceptedAt, next, count, heldSince);
        }
        return new SourceValue(source, key, value, acceptedAt, next, 1, now);
    }

    /** Whether this poll started holding a jump (the operator hears of it once). */
    boolean startedHolding(SourceValue before) {
        return held != null && heldCount == 1 && (before == null || before.heldSince() == null
                || !before.heldSince().equals(heldSince));
    }

    boolean isHeld() {
        return held != null;
    }

    SourceValue accepted(Instant now) {
        return held == null ? this : new SourceValue(source, key, held, now, null, 0, null);
    }

    /** Whether {@code next} is more than {@code maxJumpPercent} away from {@code base}. */
    static boolean jump(BigDecimal base, BigDecimal next, BigDecimal maxJumpPercent) {
        if (base.signum() == 0) {
            return next.signum() != 0;
        }
        BigDecimal percent = next.subtract(base).abs().multiply(HUNDRED).divide(base.abs(), MathContext.DECIMAL64);
        return percent.compareTo(maxJumpPercent) > 0;
    }
}
