package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import app.ratelink.money.Decimals;
import app.ratelink.money.Money;

/**
 * The one pricing rule (ADR 0005): the rate as the feeds publish it, then BestChange's fees. Everything that shows
 * or stores an amount of an order (the quote on the direction page, the order, its page, the admin, the operator
 * API, the partner API, the rate files) comes from here, so a monitoring that computes an order from the feed item
 * gets exactly the order's amounts.
 * <p>
 * For an amount {@code X} given (in {@code from}, at most {@code from}'s scale):
 * <pre>
 *   fromCharge = max(fromfee(X), minfee(X))            fromfee/minfee: absolute in from, or % of X
 *   gross      = (X − fromCharge) × out / in           the published rate
 *   toCharge   = tofee(gross)                           absolute in to, or % of gross
 *   get        = gross − toCharge, rounded down at to's scale
 * </pre>
 * Nothing in between is rounded: only what is transferred ({@code get}) is, in the exchanger's favour. The fees
 * are reported rounded up at their currency's scale.
 */
public final class Pricing {

    /** Decimals of the non-1 side of a published rate: enough for 1 BTC = 0.00001527 of something, and for coins. */
    public static final int RATE_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** A rate as published: {@code in} of from for {@code out} of to, one side exactly 1. */
    public record Rate(BigDecimal in, BigDecimal out) {
    }

    /**
     * The direction's rate with its smaller side 1 and the other rounded so that the client never gets more than
     * the direction gives (the get side down, the give side up), at {@link #RATE_SCALE} or the currency's scale.
     */
    public static Rate rate(Direction d, Currency from, Currency to) {
        BigDecimal price = d.price();
        if (price.compareTo(BigDecimal.ONE) >= 0) {
            return new Rate(BigDecimal.ONE, Decimals.down(price, Math.max(RATE_SCALE, to.scale())));
        }
        BigDecimal in = d.rateIn().divide(d.rateOut(), MathContext.DECIMAL128);
        return new Rate(Decimals.up(in, Math.max(RATE_SCALE, from.scale())), BigDecimal.ONE);
    }

    public static Quote quote(Direction d, Currency from, Currency to, BigDecimal give) {
        Rate rate = rate(d, from, to);
        BigDecimal fromCharge = fromCharge(d, give);
        BigDecimal net = give.subtract(fromCharge);
        // get = (net × out / in) − tofee, computed as one exact division rounded down once.
        BigDecimal get;
        BigDecimal toCharge;
        Fee toFee = d.toFee();
        if (toFee == null || toFee.value().signum() == 0) {
            get = net.multiply(rate.out()).divide(rate.in(), to.scale(), RoundingMode.DOWN);
            toCharge = BigDecimal.ZERO;
        } else if (toFee.percent()) {
            get = net.multiply(rate.out()).multiply(HUNDRED.subtract(toFee.value()))
                    .divide(rate.in().multiply(HUNDRED), to.scale(), RoundingMode.DOWN);
            toCharge = Decimals.up(net.multiply(rate.out()).multiply(toFee.value())
                    .divide(rate.in().multiply(HUNDRED), MathContext.DECIMAL128), to.scale());
        } else {
            get = net.multiply(rate.out()).subtract(toFee.value().multiply(rate.in()))
                    .divide(rate.in(), to.scale(), RoundingMode.DOWN);
            toCharge = Decimals.up(toFee.value(), to.scale());
        }
        return new Quote(from.money(give), rate.in(), rate.out(), from.money(Decimals.up(fromCharge, from.scale())),
                to.money(toCharge), to.money(Decimals.normalized(get)));
    }

    /** The fee taken from what the client sends: {@code fromfee}, but at least {@code minfee}; exact. */
    static BigDecimal fromCharge(Direction d, BigDecimal give) {
        BigDecimal charge = charge(d.fromFee(), give);
        BigDecimal least = charge(d.minFee(), give);
        return charge.max(least);
    }

    private static BigDecimal charge(Fee fee, BigDecimal base) {
        if (fee == null) {
            return BigDecimal.ZERO;
        }
        return fee.percent() ? base.multiply(fee.value()).divide(HUNDRED) : fee.value();
    }

    /**
     * The largest amount of {@code from} (at its scale, within nothing but arithmetic: limits are the caller's)
     * whose payout is at most {@code payable} of {@code to}; zero when not even the least amount fits.
     */
    public static Money maxGiveFor(Direction d, Currency from, Currency to, BigDecimal payable) {
        Rate rate = rate(d, from, to);
        Fee toFee = d.toFee();
        // Invert the rule: gross before the to-fee, net before the rate, then the from-side fees.
        BigDecimal gross = toFee == null ? payable : toFee.percent()
                ? payable.multiply(HUNDRED).divide(HUNDRED.subtract(toFee.value()).max(BigDecimal.ONE), MathContext.DECIMAL128)
                : payable.add(toFee.value());
        BigDecimal net = gross.multiply(rate.in()).divide(rate.out(), MathContext.DECIMAL128);
        BigDecimal give = net.add(inverseFromCharge(d.fromFee(), net)).max(net.add(inverseFromCharge(d.minFee(), net)));
        BigDecimal candidate = Decimals.down(give, from.scale());
        BigDecimal step = BigDecimal.ONE.movePointLeft(from.scale());
        // The inversion is exact up to the last digit; step down until the rule itself agrees.
        for (int i = 0; i < 4 && candidate.signum() > 0
                && quote(d, from, to, candidate).get().amount().compareTo(payable) > 0; i++) {
            candidate = candidate.subtract(step);
        }
        return from.money(Decimals.normalized(candidate.max(BigDecimal.ZERO)));
    }

    /** The from-side fee on a gross amount whose net is {@code net}: absolute as is, % solved for the gross. */
    private static BigDecimal inverseFromCharge(Fee fee, BigDecimal net) {
        if (fee == null) {
            return BigDecimal.ZERO;
        }
        if (!fee.percent()) {
            return fee.value();
        }
        BigDecimal keep = HUNDRED.subtract(fee.value());
        if (keep.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return net.multiply(fee.value()).divide(keep, MathContext.DECIMAL128);
    }

    /** An amount of {@code from} in {@code to} at the published rate, before fees, rounded down at to's scale. */
    public static BigDecimal toSide(BigDecimal fromAmount, Direction d, Currency from, Currency to) {
        Rate rate = rate(d, from, to);
        return Decimals.normalized(fromAmount.multiply(rate.out()).divide(rate.in(), to.scale(), RoundingMode.DOWN));
    }
}
