package app.ratelink.partnerapi;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.ratelink.payout.PayoutRefused;
import app.ratelink.payout.Payouts;

/**
 * {@code add_payout} ({@code method_id}, {@code account}): requests a payout of the whole balance, with
 * the exact texts clients of the older API compare against.
 */
@Component
class AddPayoutMethod implements PartnerApiMethod {

    static final String REQUESTED = "Payout is successfully requested";
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final Payouts payouts;

    AddPayoutMethod(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public String name() {
        return "add_payout";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        String methodId = call.methodId() == null ? "" : call.methodId().trim();
        if (!ID.matcher(methodId).matches()) {
            throw ApiError.invalidParameter("method_id");
        }
        long payoutId;
        try {
            payoutId = payouts.request(partnerId, Long.parseLong(methodId), call.account() == null ? "" : call.account().trim());
        } catch (PayoutRefused refused) {
            throw ApiError.refused(refused.text());
        }
        return ApiAnswer.of(REQUESTED, json -> json.startObject().number("payout_id", payoutId).endObject());
    }
}
