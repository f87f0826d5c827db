package app.ratelink.catalog.web;

import app.ratelink.system.web.AdminForms;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.BindParam;

import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.money.Decimals;

/**
 * The admin direction form as Spring MVC binds it (field names are the page's and the tests': {@code in} is a
 * Java keyword, so its component is {@code rateIn}, bound and read as {@code in}). Numbers stay text so that a
 * mistyped one comes back as typed. Checkboxes arrive only when ticked: an absent one is false. From and to
 * come from the URL when a direction is edited.
 */
record DirectionForm(
        String from, String to, @BindParam("in") String rateIn, String out,
        @NotBlank(message = "{admin.form.required}") String minAmount,
        @NotBlank(message = "{admin.form.required}") String maxAmount,
        String minFee, String fromFee, String toFee, List<String> flags, String cities,
        @NotBlank(message = "{admin.form.required}") String profitPercent, String rewardPercent, String rewardFixed,
        Boolean active, String rateFormula, Boolean requiresConsent) {

    DirectionForm {
        from = AdminForms.trimmed(from).toUpperCase(Locale.ROOT);
        to = AdminForms.trimmed(to).toUpperCase(Locale.ROOT);
        minFee = AdminForms.trimmed(minFee);
        fromFee = AdminForms.trimmed(fromFee);
        toFee = AdminForms.trimmed(toFee);
        flags = flags == null ? List.of() : List.copyOf(flags);
        active = Boolean.TRUE.equals(active);
        rateFormula = AdminForms.trimmed(rateFormula);
        requiresConsent = Boolean.TRUE.equals(requiresConsent);
    }

    /** The page's (and the binder's) name of the rate the client gives. */
    public String getIn() {
        return rateIn;
    }

    static DirectionForm empty() {
        return new DirectionForm("", "", "", "", "", "", "", "", "", List.of(), "", "0", "", "", true, "", false);
    }

    static DirectionForm of(Direction d) {
        return new DirectionForm(d.from(), d.to(), Decimals.plain(d.rateIn()), Decimals.plain(d.rateOut()),
                Decimals.plain(d.minAmount()), Decimals.plain(d.maxAmount()),
                d.minFee() == null ? "" : d.minFee().toString(), d.fromFee() == null ? "" : d.fromFee().toString(),
                d.toFee() == null ? "" : d.toFee().toString(), d.flags().stream().map(DirectionFlag::code).toList(),
                String.join(", ", d.cities()), Decimals.plain(d.profitPercent()),
                d.rewardPercent() == null ? "" : Decimals.plain(d.rewardPercent()),
                d.rewardFixed() == null ? "" : Decimals.plain(d.rewardFixed()), d.active(),
                d.rateFormula() == null ? "" : d.rateFormula(), d.requiresConsent());
    }

    DirectionForm withPair(String newFrom, String newTo) {
        return new DirectionForm(newFrom, newTo, rateIn, out, minAmount, maxAmount, minFee, fromFee, toFee, flags,
                cities, profitPercent, rewardPercent, rewardFixed, active, rateFormula, requiresConsent);
    }
}
