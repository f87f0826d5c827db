package app.ratelink.rates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionKey;
import app.ratelink.catalog.MarketRates;
import app.ratelink.catalog.RateChange;

/**
 * Formulas parsed once (by text) and evaluated over the accepted source values: a poll of 2,000 directions
 * is 2,000 tree walks, no parsing. A direction whose formula reads a stale source, a value the source does
 * not have, or yields a non-positive number is out until that changes.
 */
@Component
class Formulas {

    private static final int CACHED = 20_000;

    private final Map<String, Formula> parsed = new ConcurrentHashMap<>();

    Formula parse(String text) {
        Formula f = parsed.get(text);
        if (f == null) {
            f = Formula.parse(text);
            if (parsed.size() >= CACHED) {
                parsed.clear();
            }
            parsed.put(text, f);
        }
        return f;
    }

    /** What the catalogue should show after a poll: rates, reserves and the directions that are out. */
    MarketRates market(List<Direction> directions, Map<String, String> reserveFormulas,
                       Map<SourceRef, BigDecimal> values, Set<String> staleSources) {
        List<RateChange> rates = new ArrayList<>();
        Set<DirectionKey> unavailable = new HashSet<>();
        for (Direction d : directions) {
            if (d.rateFormula() == null) {
                continue;
            }
            BigDecimal price = value(d.rateFormula(), values, staleSources);
            if (price == null || price.signum() <= 0) {
                unavailable.add(DirectionKey.of(d));
            } else {
                rates.add(RateChange.ofPrice(d.from(), d.to(), price));
            }
        }
        Map<String, BigDecimal> reserves = new HashMap<>();
        reserveFormulas.forEach((code, text) -> {
            BigDecimal reserve = value(text, values, staleSources);
            if (reserve != null && reserve.signum() >= 0) {
                reserves.put(code, reserve);
            }
        });
        return new MarketRates(rates, reserves, unavailable);
    }

    /** The value now, or null when it cannot be trusted or computed. */
    BigDecimal value(String text, Map<SourceRef, BigDecimal> values, Set<String> staleSources) {
        try {
            Formula f = parse(text);
            for (SourceRef ref : f.references()) {
                if (staleSources.contains(ref.source())) {
                    return null;
                }
            }
            return f.evaluate(values::get);
        } catch (FormulaException e) {
            return null;
        }
    }
}
