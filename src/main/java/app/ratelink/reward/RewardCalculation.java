package app.ratelink.reward;

import java.math.BigDecimal;
import java.util.Optional;

import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Money;

/**
 * What a partner earns on one order, in USD — pure arithmetic, no Spring, no database, so every rule is
 * pinned by a table test. Rules (SPEC §4):
 * <ul>
 * <li>base: the exchanger's profit on the order (amount × direction profit %) or the order amount, in USD;</li>
 * <li>a fixed per-direction reward replaces any percent;</li>
 * <li>percent, in priority: the direction's override, the partner's personal %, the level its turnover
 *     reached, the default % (only when no level is reached);</li>
 * <li>rounded down to the cent (never pay more than earned); below 0.01 USD nothing is credited;</li>
 * <li>a partner's own order (self-referral) earns 0.</li>
 * </ul>
 */
public final class RewardCalculation {

    public static final Money MINIMUM = BaseCurrency.of(new BigDecimal("0.01"));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Base { PROFIT, AMOUNT }

    /** Everything the calculation depends on. Nullable: direction overrides, personal %. */
    public record Input(Base base, BigDecimal amountGiveUsd, BigDecimal profitPercent,
                        BigDecimal directionPercent, BigDecimal directionFixedUsd, BigDecimal personalPercent,
                        RewardLevels levels, BigDecimal turnoverUsd, BigDecimal defaultPercent, boolean selfReferral) {
    }

    private RewardCalculation() {
    }

    public static Money reward(Input in) {
        if (in.selfReferral()) {
            return BaseCurrency.zero();
        }
        BigDecimal reward;
        if (in.directionFixedUsd() != null && in.directionFixedUsd().signum() > 0) {
            reward = in.directionFixedUsd();
        } else {
            BigDecimal base = in.base() == Base.PROFIT
                    ? in.amountGiveUsd().multiply(in.profitPercent()).divide(HUNDRED)
                    : in.amountGiveUsd();
            reward = base.multiply(percent(in)).divide(HUNDRED);
        }
        Money cents = BaseCurrency.cents(BaseCurrency.of(reward));
        return cents.isLessThan(MINIMUM) ? BaseCurrency.zero() : cents;
    }

    static BigDecimal percent(Input in) {
        if (in.directionPercent() != null) {
            return in.directionPercent();
        }
        if (in.personalPercent() != null) {
            return in.personalPercent();
        }
        Optional<BigDecimal> level = in.levels().percentFor(in.turnoverUsd());
        return level.orElse(in.defaultPercent());
    }
}
