/**
 * Rates that follow the market: rate sources polled on a schedule by one node (a lease in the database),
 * formulas over their values on directions and currency reserves, fail-safe guards (stale sources take their
 * directions out of the feeds, jumps are held) and a bounded history. Depends on {@code catalog} (applies
 * each poll through {@code Catalog.applyMarketRates}, implements {@code catalog.RateFormulaCheck}) and
 * {@code system}; publishes and consumes no events. Tables: rate_sources, rate_source_values,
 * rate_poller_lease, rate_source_history, rate_direction_history.
 */
package app.ratelink.rates;
