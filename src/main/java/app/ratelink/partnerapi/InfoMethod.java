package app.ratelink.partnerapi;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import app.ratelink.money.Money;
import app.ratelink.money.Decimals;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerTerms;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.UniqueClickRewards;

/**
 * {@code get_info}: balance, paid-out total, the partner link, the minimum payout and the payout methods
 * with the balance each would pay after its fee. The fee is written as both {@code comission} (the
 * spelling older clients read) and {@code commission}.
 */
@Component
class InfoMethod implements PartnerApiMethod {

    private final Payouts payouts;
    private final Partners partners;
    private final Partnerships partnerships;
    private final UniqueClickRewards uniqueClicks;

    InfoMethod(Payouts payouts, Partners partners, Partnerships partnerships, UniqueClickRewards uniqueClicks) {
        this.payouts = payouts;
        this.partners = partners;
        this.partnerships = partnerships;
        this.uniqueClicks = uniqueClicks;
    }

    @Override
    public String name() {
        return "get_info";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        Partner partner = partners.byId(partnerId).orElseThrow(ApiError::badKey);
        Money balance = payouts.balance(partnerId);
        BigDecimal received = payouts.totalReceived(partnerId).amount();
        BigDecimal minPayout = payouts.minPayout().amount();
        String link = partners.link(partner);
        PartnerTerms terms = partnerships.terms(partnerId);
        BigDecimal uniqueClicksEarned = uniqueClicks.total(partnerId);
        return ApiAnswer.of("", json -> {
            // reward_scheme, unique_click_reward, unique_clicks_earned: issue 18 (pay per unique click), after
            // the seed's fields; clients that do not know them skip them.
            json.startObject()
                    .decimal("balance", balance.amount())
                    .decimal("totalReceived", received)
                    .text("link", link)
                    .decimal("min_payout", minPayout)
                    .text("reward_scheme", terms.rewardScheme().code())
                    .decimal("unique_click_reward", terms.uniqueClickReward())
                    .decimal("unique_clicks_earned", uniqueClicksEarned)
                    .startItems();
            for (PayoutMethod method : payouts.methods()) {
                String fee = Decimals.plain(method.feePercent()) + "%";
                json.startItem(method.id())
                        .text("title", method.title())
                        .text("comission", fee)
                        .text("commission", fee)
                        .decimal("amount", payouts.amountIn(method, balance).amount())
                        .endItem();
            }
            json.endObject().endObject();
        });
    }
}
