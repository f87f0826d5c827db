/**
 * Amounts with their currency ({@code Money}), the base currency's one owner ({@code BaseCurrency}) and the only
 * rounding to a scale ({@code Money}, {@code Decimals}; ArchitectureTest keeps it so). Depends on no feature,
 * owns no table, publishes and consumes no event.
 */
package app.ratelink.money;
