package app.ratelink.partner.web;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.partner.EmailTakenException;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.ConflictException;

/** {@code POST /api/operator/v1/partners}: a confirmed partner, for operators moving partners from another script. */
@OperatorApi
@RequestMapping("/api/operator/v1")
class PartnersOperatorController {

    private final Partners partners;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PartnersOperatorController(Partners partners, AuditTrail audit, TransactionTemplate transactions) {
        this.partners = partners;
        this.audit = audit;
        this.transactions = transactions;
    }

    record NewPartner(String email, String password) {
    }

    record CreatedPartner(long id, String code, String link) {
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedPartner create(@RequestBody NewPartner body) {
        try {
            Partner p = transactions.execute(tx -> {
                Partner created = partners.createConfirmed(body.email(), body.password());
                audit.record("partner.create", "partner " + created.id(), java.util.Map.of(),
                        java.util.Map.of("email", created.email(), "code", created.code(), "confirmed", true));
                return created;
            });
            return new CreatedPartner(p.id(), p.code(), partners.link(p));
        } catch (EmailTakenException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
