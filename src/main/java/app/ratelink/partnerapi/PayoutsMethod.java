package app.ratelink.partnerapi;

import org.springframework.stereotype.Component;

import app.ratelink.payout.Payouts;

/** {@code get_payouts}: the partner's payout requests, newest first, with their status 0–3. */
@Component
class PayoutsMethod implements PartnerApiMethod {

    private final Payouts payouts;

    PayoutsMethod(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public String name() {
        return "get_payouts";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        ApiOptions options = ApiOptions.of(call);
        return ApiAnswer.of("", json -> {
            json.startObject().startItems();
            payouts.eachOfPartner(partnerId, options.from(), options.to(), options.limit(), payout -> json
                    .startItem(payout.id())
                    .timeAndDate(payout.time())
                    .number("method_id", payout.methodId())
                    .text("account", payout.account())
                    .decimal("pay_amount", payout.payAmount())
                    .text("pay_currency_code", payout.payCurrencyCode())
                    .decimal("original_amount", payout.originalAmount())
                    .text("original_currency_code", payout.originalCurrencyCode())
                    .number("status", payout.status())
                    .endItem());
            json.endObject().endObject();
        });
    }
}
