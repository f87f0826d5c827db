package app.ratelink.feed.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.ratelink.feed.FeedCompatibility;
import app.ratelink.feed.FeedProfile;
import app.ratelink.system.web.AdminForms;

/**
 * The admin feed profile form as Spring MVC binds it (field names are the page's and the tests'): text fields
 * stay as typed, so a refused save shows them back unchanged with each error next to its field. Checkboxes
 * arrive only when ticked: an absent one is false. A form without the compatibility fieldset sends no
 * contentType (null), and then leaves those options as they are.
 */
record FeedForm(
        @Pattern(regexp = "[a-z0-9_-]{1,32}", message = "{admin.feeds.codeInvalid}") String code,
        @NotBlank(message = "{admin.form.required}") @Size(max = 100, message = "{admin.form.tooLong}") String name,
        Boolean enabled, String xmlFlavour, String directions, String aliases, String contentType,
        Boolean amountSuffix, Boolean legacyParam, String partnerId) {

    static final FeedForm EMPTY = new FeedForm("", "", true, "classic", "", "",
            FeedCompatibility.DEFAULT.contentType(), true, false, "");

    FeedForm {
        code = AdminForms.trimmed(code);
        name = AdminForms.trimmed(name);
        enabled = Boolean.TRUE.equals(enabled);
        directions = directions == null ? "" : directions;
        aliases = aliases == null ? "" : aliases;
        amountSuffix = Boolean.TRUE.equals(amountSuffix);
        legacyParam = Boolean.TRUE.equals(legacyParam);
        partnerId = AdminForms.trimmed(partnerId);
    }

    static FeedForm of(FeedProfile p) {
        return new FeedForm(p.code(), p.name(), p.enabled(), p.xmlFlavour().code(), String.join("\n", p.directions()),
                String.join("\n", p.aliases().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                p.compatibility().contentType(), p.compatibility().amountSuffix(), p.compatibility().legacyParam(),
                p.partnerId() == null ? "" : p.partnerId().toString());
    }
}
