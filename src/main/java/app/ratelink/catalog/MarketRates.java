package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poll's outcome for the catalogue: the new rates of formula directions, the new reserves of formula
 * currencies, and which formula directions are out (a stale source, a missing value). Applied at once,
 * with one revision bump, by {@link Catalog#applyMarketRates}.
 */
public record MarketRates(List<RateChange> rates, Map<String, BigDecimal> reserves, Set<DirectionKey> unavailable) {
}
