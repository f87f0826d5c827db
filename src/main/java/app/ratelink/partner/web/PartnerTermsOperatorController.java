package app.ratelink.partner.web;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.partner.PartnerTerms;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.system.NotFoundException;

/**
 * {@code PUT /api/operator/v1/partners/{id}} {@code {reviewUrl, rewardScheme: "orders"|"uniqueClicks",
 * uniqueClickReward}}: a partner's terms, every field optional; and reading them back.
 */
@OperatorApi
@RequestMapping("/api/operator/v1/partners")
class PartnerTermsOperatorController {

    private final Partnerships partnerships;
    private final Partners partners;

    PartnerTermsOperatorController(Partnerships partnerships, Partners partners) {
        this.partnerships = partnerships;
        this.partners = partners;
    }

    record TermsRequest(String reviewUrl, String rewardScheme, BigDecimal uniqueClickReward) {
    }

    record TermsView(long id, String reviewUrl, String rewardScheme, BigDecimal uniqueClickReward, String schemeSince) {
        static TermsView of(PartnerTerms t) {
            return new TermsView(t.partnerId(), t.reviewUrl(), t.rewardScheme().code(), t.uniqueClickReward(),
                    t.schemeSince().toString());
        }
    }

    @PutMapping("/{id}")
    TermsView save(@PathVariable long id, @RequestBody TermsRequest request) {
        return TermsView.of(partnerships.save(id, new Partnerships.Change(request.reviewUrl(), request.rewardScheme(),
                request.uniqueClickReward())));
    }

    @GetMapping("/{id}/terms")
    TermsView terms(@PathVariable long id) {
        partners.byId(id).orElseThrow(() -> new NotFoundException("No partner " + id));
        return TermsView.of(partnerships.terms(id));
    }
}
