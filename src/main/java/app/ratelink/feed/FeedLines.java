package app.ratelink.feed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Unlisted;
import app.ratelink.money.Decimals;

/**
 * Which directions a monitoring sees and how their numbers are written (SPEC §7): active directions of
 * active currencies whose reserve covers the minimum order and whose rate is available (not out because of
 * a stale rate source); the rate with its smaller side 1, rounded so
 * that the client never gets more than the exchanger gives (the get side down, the give side up).
 */
final class FeedLines {

    /** Decimals of the non-1 side of a rate: enough for 1 BTC = 0.00001527 of something, and for coins. */
    static final int RATE_SCALE = 8;

    private FeedLines() {
    }

    static List<FeedLine> of(List<Currency> currencies, List<Direction> directions, FeedProfile profile) {
        return of(currencies, directions, profile, true);
    }

    /** {@code manualListed} false: outside the operator's working hours, manual directions are left out. */
    static List<FeedLine> of(List<Currency> currencies, List<Direction> directions, FeedProfile profile,
                             boolean manualListed) {
        Map<String, Currency> byCode = currencies.stream().collect(Collectors.toMap(Currency::code, Function.identity()));
        List<FeedLine> lines = new ArrayList<>();
        directions.stream()
                .sorted(Comparator.comparing(Direction::from).thenComparing(Direction::to))
                .forEach(d -> {
                    Currency from = byCode.get(d.from());
                    Currency to = byCode.get(d.to());
                    if (listed(d, from, to, profile) && (manualListed || !d.has(DirectionFlag.MANUAL))) {
                        lines.addAll(linesOf(d, from, to, profile));
                    }
                });
        return lines;
    }

    private static boolean listed(Direction d, Currency from, Currency to, FeedProfile profile) {
        return profile.lists(d.from(), d.to()) && Unlisted.of(d, from, to).isEmpty();
    }

    private static List<FeedLine> linesOf(Direction d, Currency from, Currency to, FeedProfile profile) {
        BigDecimal price = d.price();
        BigDecimal in;
        BigDecimal out;
        if (price.compareTo(BigDecimal.ONE) >= 0) {
            in = BigDecimal.ONE;
            out = price.setScale(Math.max(RATE_SCALE, to.scale()), RoundingMode.DOWN);
        } else {
            in = d.rateIn().divide(d.rateOut(), MathContext.DECIMAL128)
                    .setScale(Math.max(RATE_SCALE, from.scale()), RoundingMode.UP);
            out = BigDecimal.ONE;
        }
        List<String> cities = d.cities().isEmpty() ? java.util.Collections.singletonList(null) : d.cities();
        List<FeedLine> lines = new ArrayList<>();
        for (String city : cities) {
            lines.add(new FeedLine(profile.codeOf(d.from()), profile.codeOf(d.to()), Decimals.normalized(in),
                    Decimals.normalized(out), Decimals.normalized(to.reserve().setScale(to.scale(), RoundingMode.DOWN)),
                    Decimals.normalized(d.minAmount().setScale(from.scale(), RoundingMode.UP)),
                    Decimals.normalized(d.maxAmount().setScale(from.scale(), RoundingMode.DOWN)),
                    toSide(d.minAmount(), d, to), toSide(d.maxAmount(), d, to), from.unit(), to.unit(), d.minFee(),
                    d.fromFee(), d.toFee(), d.flags(), city));
        }
        return lines;
    }

    /** An amount of {@code from} in {@code to} at the direction's rate, rounded down to {@code to}'s scale. */
    private static BigDecimal toSide(BigDecimal fromAmount, Direction d, Currency to) {
        return Decimals.normalized(fromAmount.multiply(d.rateOut()).divide(d.rateIn(), MathContext.DECIMAL128)
                .setScale(to.scale(), RoundingMode.DOWN));
    }
}
