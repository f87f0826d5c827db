package app.ratelink.partner;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A partner's terms (issue 18): its reward scheme, the base-currency amount per unique counted visitor and day
 * under {@link RewardScheme#UNIQUE_CLICKS}, the first day that scheme pays for (site time zone), and the page
 * where clients can review the exchanger ("" when none).
 */
public record PartnerTerms(long partnerId, String reviewUrl, RewardScheme rewardScheme, BigDecimal uniqueClickReward,
                           LocalDate schemeSince) {

    public static PartnerTerms defaults(long partnerId, LocalDate today) {
        return new PartnerTerms(partnerId, "", RewardScheme.ORDERS, BigDecimal.ZERO, today);
    }

    public boolean paysPerUniqueClick() {
        return rewardScheme == RewardScheme.UNIQUE_CLICKS;
    }
}
