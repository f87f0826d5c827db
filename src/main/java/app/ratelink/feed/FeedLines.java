package app.ratelink.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Pricing;
import app.ratelink.catalog.Unlisted;
import app.ratelink.money.Decimals;

/**
 * Which directions a monitoring sees and how their numbers are written (SPEC §7): active directions of
 * active currencies whose reserve covers the minimum order and whose rate is available (not out because of
 * a stale rate source); the rate with its smaller side 1, rounded so
 * that the client never gets more than the exchanger gives (the get side down, the give side up).
 */
final class FeedLines {

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

    /** The rate, fees and limits as {@link Pricing} defines them, so an order matches what the item promises. */
    private static List<FeedLine> linesOf(Direction d, Currency from, Currency to, FeedProfile profile) {
        Pricing.Rate rate = Pricing.rate(d, from, to);
        List<String> cities = d.cities().isEmpty() ? java.util.Collections.singletonList(null) : d.cities();
        List<FeedLine> lines = new ArrayList<>();
        for (String city : cities) {
            lines.add(new FeedLine(profile.codeOf(d.from()), profile.codeOf(d.to()), Decimals.normalized(rate.in()),
                    Decimals.normalized(rate.out()), to.available(),
                    Decimals.normalized(Decimals.up(d.minAmount(), from.scale())),
                    Decimals.normalized(Decimals.down(d.maxAmount(), from.scale())),
                    Pricing.toSide(d.minAmount(), d, from, to), Pricing.toSide(d.maxAmount(), d, from, to),
                    from.unit(), to.unit(), d.minFee(), d.fromFee(), d.toFee(), d.flags(), city));
        }
        return lines;
    }
}
