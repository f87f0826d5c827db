package app.ratelink.partner.web;

import jakarta.validation.constraints.Size;

import app.ratelink.partner.Partner;
import app.ratelink.system.web.AdminForms;

/**
 * The admin form of one partner's personal reward % and notes, as Spring MVC binds it (field names are the
 * page's and the tests'); the percent stays text so that a mistyped one comes back as typed, next to its error.
 * An empty percent removes the personal one.
 */
record PartnerForm(String rewardPercent,
                   @Size(max = 4000, message = "{admin.form.tooLong}") String notes) {

    PartnerForm {
        rewardPercent = AdminForms.trimmed(rewardPercent);
        notes = AdminForms.trimmed(notes);
    }

    static PartnerForm of(Partner p) {
        return new PartnerForm(p.rewardPercent() == null ? "" : p.rewardPercent().toPlainString(), p.notes());
    }
}
