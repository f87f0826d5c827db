package app.ratelink.partnerapi;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import app.ratelink.money.Decimals;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.Payouts;

/**
 * {@code get_info}: balance, paid-out total, the partner link, the minimum payout and the payout methods
 * with the balance each would pay after its fee. The fee is written as both {@code comission} (the
 * spelling older clients read) and {@code commission}.
 */
@Component
class InfoMethod implements PartnerApiMethod {

    private final Payouts payouts;
    private final Partners partners;

    InfoMethod(Payouts payouts, Partners partners) {
        this.payouts = payouts;
        this.partners = partners;
    }

    @Override
    public String name() {
        return "get_info";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        Partner partner = partners.byId(partnerId).orElseThrow(ApiError::badKey);
        BigDecimal balance = payouts.balance(partnerId);
        BigDecimal received = payouts.totalReceived(partnerId);
        BigDecimal minPayout = payouts.minPayout();
        String link = partners.link(partner);
        return ApiAnswer.of("", json -> {
            json.startObject()
                    .decimal("balance", balance)
                    .decimal("totalReceived", received)
                    .text("link", link)
                    .decimal("min_payout", minPayout)
                    .startItems();
            for (PayoutMethod method : payouts.methods()) {
                String fee = Decimals.plain(method.feePercent()) + "%";
                json.startItem(method.id())
                        .text("title", method.title())
                        .text("comission", fee)
                        .text("commission", fee)
                        .decimal("amount", payouts.amountIn(method, balance))
                        .endItem();
            }
            json.endObject().endObject();
        });
    }
}
