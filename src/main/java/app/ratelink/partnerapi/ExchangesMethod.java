package app.ratelink.partnerapi;

import org.springframework.stereotype.Component;

import app.ratelink.reward.Rewards;

/**
 * {@code get_exchanges}: the orders of the clients the partner sent, newest first, streamed; the fields of
 * the seed, then the partner's sub-IDs ({@code sub1}…{@code sub5}, {@code click_id}; "" when absent).
 */
@Component
class ExchangesMethod implements PartnerApiMethod {

    private final Rewards rewards;

    ExchangesMethod(Rewards rewards) {
        this.rewards = rewards;
    }

    @Override
    public String name() {
        return "get_exchanges";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        ApiOptions options = ApiOptions.of(call);
        return ApiAnswer.of("", json -> {
            json.startObject().startItems();
            rewards.eachOrderOfPartner(partnerId, options.from(), options.to(), options.limit(), order -> json
                    .startItem(order.id())
                    .timeAndDate(order.time())
                    .decimal("course_give", order.courseGive())
                    .decimal("course_get", order.courseGet())
                    .decimal("amount_give", order.amountGive())
                    .decimal("amount_get", order.amountGet())
                    .flag("exchange_success", order.success())
                    .flag("accrued", order.accrued())
                    .decimal("partner_reward", order.partnerReward())
                    .text("user_hash", order.userHash())
                    .text("currency_code_give", order.currencyCodeGive())
                    .text("currency_code_get", order.currencyCodeGet())
                    .text("sub1", order.subIds().sub1())
                    .text("sub2", order.subIds().sub2())
                    .text("sub3", order.subIds().sub3())
                    .text("sub4", order.subIds().sub4())
                    .text("sub5", order.subIds().sub5())
                    .text("click_id", order.subIds().clickId())
                    .endItem());
            json.endObject().endObject();
        });
    }
}
