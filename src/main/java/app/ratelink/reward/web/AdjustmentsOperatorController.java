package app.ratelink.reward.web;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.reward.Adjustments;
import app.ratelink.system.BadRequestException;

/**
 * {@code POST /api/operator/v1/partners/{id}/adjustments} {@code {amount, reason, key}}: credits (positive)
 * or debits (negative) a partner's balance. 201 when booked; 200 with {@code "booked": false} and the
 * first booking when the key was posted before; 409 when the key was used for another adjustment.
 */
@OperatorApi
@RequestMapping("/api/operator/v1")
class AdjustmentsOperatorController {

    private final Adjustments adjustments;

    AdjustmentsOperatorController(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    record AdjustmentRequest(BigDecimal amount, String reason, String key) {
    }

    record AdjustmentJson(long id, long partnerId, BigDecimal amount, String reason, String key, Instant createdAt,
                          boolean booked, BigDecimal balance) {
    }

    @PostMapping("/partners/{id}/adjustments")
    ResponseEntity<AdjustmentJson> post(@PathVariable long id, @RequestBody AdjustmentRequest body) {
        if (body == null) {
            throw new BadRequestException("body", "amount, reason and key are required");
        }
        Adjustments.Posted posted = adjustments.post(id, body.amount(), body.reason(), body.key());
        AdjustmentJson json = new AdjustmentJson(posted.entry().id(), id, posted.entry().amount().amount(),
                posted.entry().reason(), body.key().strip(), posted.entry().createdAt(), posted.booked(),
                posted.balance().amount());
        return ResponseEntity.status(posted.booked() ? HttpStatus.CREATED : HttpStatus.OK).body(json);
    }
}
