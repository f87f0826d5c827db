package app.ratelink.payout.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.payout.Payout;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.system.BadRequestException;

/**
 * Payout requests for the operator's back office: the list (newest first, by status) and the decision.
 * Only a pending payout can be paid or rejected: anything else answers 409 and changes nothing; a
 * rejection returns the amount to the partner's balance. The partner is mailed either way.
 */
@OperatorApi
@RequestMapping("/api/operator/v1/payouts")
class PayoutsOperatorController {

    static final String ACTOR = "operator";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Payouts payouts;

    PayoutsOperatorController(Payouts payouts) {
        this.payouts = payouts;
    }

    record Decision(String comment) {
    }

    /** The payout as the operator sees it; amounts in plain decimals, {@code status} the numeric code. */
    record PayoutJson(long id, long partnerId, long methodId, String currencyCode, String account,
                      BigDecimal originalAmount, String originalCurrencyCode, BigDecimal feePercent,
                      BigDecimal payAmount, int status, String statusLabel, String comment, String decidedBy,
                      Instant createdAt, Instant decidedAt) {
        static PayoutJson of(Payout p) {
            return new PayoutJson(p.id(), p.partnerId(), p.methodId(), p.currencyCode(), p.account(),
                    p.originalAmount().amount(), p.originalAmount().currency(), p.feePercent(), p.payAmount().amount(), p.status().code(),
                    p.status().label(), p.comment(), p.decidedBy(), p.createdAt(), p.decidedAt());
        }
    }

    @GetMapping
    List<PayoutJson> list(@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
        return payouts.list(status(status), limit(limit)).stream().map(PayoutJson::of).toList();
    }

    @PostMapping("/{id}/pay")
    PayoutJson pay(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return PayoutJson.of(payouts.pay(id, ACTOR, comment(decision)));
    }

    @PostMapping("/{id}/reject")
    PayoutJson reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return PayoutJson.of(payouts.reject(id, ACTOR, comment(decision)));
    }

    private static String comment(Decision decision) {
        String comment = decision == null || decision.comment() == null ? "" : decision.comment().trim();
        if (comment.length() > 1000) {
            throw new BadRequestException("comment", "comment must be at most 1000 characters");
        }
        return comment;
    }

    static PayoutStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.matches("[0-3]")) {
            return PayoutStatus.of(Integer.parseInt(t));
        }
        throw new BadRequestException("status", "status must be 0 (pending), 1 (paid), 2 (rejected) or 3 (cancelled)");
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("limit", "limit must be 1-" + MAX_LIMIT);
    }
}
