package app.ratelink.catalog.web;

import app.ratelink.system.web.AdminForms;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import app.ratelink.catalog.Currency;
import app.ratelink.money.Decimals;

/**
 * The admin currency form as Spring MVC binds it (field names are the page's and the tests'); numbers stay
 * text here so that a mistyped one comes back as typed, with its error next to it. Checkboxes arrive only when
 * ticked: an absent one is false. The code comes from the URL when a currency is edited.
 */
record CurrencyForm(
        String code,
        @NotBlank(message = "{admin.form.required}") @Size(max = 100, message = "{admin.form.tooLong}") String name,
        @NotBlank(message = "{admin.form.required}") @Size(max = 10, message = "{admin.form.tooLong}") String unit,
        String scale, String reserve, String usdRate, Boolean active, Boolean payoutAllowed, String payoutFeePercent,
        @Size(max = 2000, message = "{admin.form.tooLong}") String paymentInstructions,
        @Size(max = 200, message = "{admin.form.tooLong}") String accountPattern,
        String aliases, String reserveFormula, String reserveAlert) {

    CurrencyForm {
        code = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        name = AdminForms.trimmed(name);
        unit = AdminForms.trimmed(unit).toUpperCase(Locale.ROOT);
        active = Boolean.TRUE.equals(active);
        payoutAllowed = Boolean.TRUE.equals(payoutAllowed);
        paymentInstructions = AdminForms.trimmed(paymentInstructions);
        accountPattern = AdminForms.trimmed(accountPattern);
        reserveFormula = AdminForms.trimmed(reserveFormula);
    }

    static CurrencyForm empty() {
        return new CurrencyForm("", "", "", "2", "0", "", true, false, "0", "", "", "", "", "");
    }

    static CurrencyForm of(Currency c, String reserveFormula) {
        return new CurrencyForm(c.code(), c.name(), c.unit(), String.valueOf(c.scale()), Decimals.plain(c.reserve()),
                Decimals.plain(c.usdRate()), c.active(), c.payoutAllowed(), Decimals.plain(c.payoutFeePercent()),
                c.paymentInstructions(), c.accountPattern(), String.join(", ", c.aliases()), reserveFormula,
                c.reserveAlert().signum() == 0 ? "" : Decimals.plain(c.reserveAlert()));
    }

    CurrencyForm withCode(String newCode) {
        return new CurrencyForm(newCode, name, unit, scale, reserve, usdRate, active, payoutAllowed, payoutFeePercent,
                paymentInstructions, accountPattern, aliases, reserveFormula, reserveAlert);
    }
}
