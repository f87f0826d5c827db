package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the operator sets on a direction. Fees are text: "2" (absolute) or "0.5%" (percent); null or
 * blank for none.
 */
public record DirectionChange(BigDecimal in, BigDecimal out, BigDecimal minAmount, BigDecimal maxAmount,
                              BigDecimal profitPercent, List<String> flags, List<String> cities, Boolean active,
                              String minFee, String fromFee, String toFee, BigDecimal rewardPercent,
                              BigDecimal rewardFixed) {
}
