package app.ratelink.reward;

import java.math.BigDecimal;

/**
 * What a partner earns on an order of a direction without its own reward, and how close the next level
 * is: shown in the cabinet so a partner can see why an order paid what it did.
 *
 * @param base             "profit" (the exchanger's profit on the order) or "amount" (the order amount)
 * @param percent          the partner's percent of that base now
 * @param personal         the percent is the partner's personal one (levels do not apply)
 * @param turnoverUsd      the partner's cumulative successful turnover, USD
 * @param nextTurnoverUsd  the turnover of the next level, null when there is none (or the percent is personal)
 * @param nextPercent      that level's percent, null likewise
 */
public record RewardTerms(String base, BigDecimal percent, boolean personal, BigDecimal turnoverUsd,
                          BigDecimal nextTurnoverUsd, BigDecimal nextPercent) {
}
