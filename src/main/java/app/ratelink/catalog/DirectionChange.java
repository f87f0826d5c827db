package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the operator sets on a direction. Fees are text: "2" (absolute) or "0.5%" (percent); null or
 * blank for none. {@code rateFormula}: null keeps it, blank removes it (the manual rate applies again), else an
 * expression such as {@code binance:BTCUSDT.bid * 0.985} (units of {@code to} per unit of {@code from}).
 */
public record DirectionChange(BigDecimal in, BigDecimal out, BigDecimal minAmount, BigDecimal maxAmount,
                              BigDecimal profitPercent, List<String> flags, List<String> cities, Boolean active,
                              String minFee, String fromFee, String toFee, BigDecimal rewardPercent,
                              BigDecimal rewardFixed, String rateFormula) {

    /** A change that leaves the rate formula as it is. */
    public DirectionChange(BigDecimal in, BigDecimal out, BigDecimal minAmount, BigDecimal maxAmount,
                           BigDecimal profitPercent, List<String> flags, List<String> cities, Boolean active,
                           String minFee, String fromFee, String toFee, BigDecimal rewardPercent,
                           BigDecimal rewardFixed) {
        this(in, out, minAmount, maxAmount, profitPercent, flags, cities, active, minFee, fromFee, toFee,
                rewardPercent, rewardFixed, null);
    }
}
