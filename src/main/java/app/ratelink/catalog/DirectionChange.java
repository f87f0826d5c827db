package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the operator sets on a direction. Fees are text: "2" (absolute) or "0.5%" (percent); null or
 * blank for none. {@code requiresConsent} null keeps the current value.
 */
public record DirectionChange(BigDecimal in, BigDecimal out, BigDecimal minAmount, BigDecimal maxAmount,
                              BigDecimal profitPercent, List<String> flags, List<String> cities, Boolean active,
                              String minFee, String fromFee, String toFee, BigDecimal rewardPercent,
                              BigDecimal rewardFixed, Boolean requiresConsent) {

    public DirectionChange(BigDecimal in, BigDecimal out, BigDecimal minAmount, BigDecimal maxAmount,
                           BigDecimal profitPercent, List<String> flags, List<String> cities, Boolean active,
                           String minFee, String fromFee, String toFee, BigDecimal rewardPercent,
                           BigDecimal rewardFixed) {
        this(in, out, minAmount, maxAmount, profitPercent, flags, cities, active, minFee, fromFee, toFee,
                rewardPercent, rewardFixed, null);
    }
}
