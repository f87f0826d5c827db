package app.ratelink.partner.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;

/** The logged-in partner of a cabinet request (the partner chain lets only partners in). */
final class Cabinet {

    private Cabinet() {
    }

    static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    static Partner partner(Partners partners) {
        return partners.byId(partnerId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
