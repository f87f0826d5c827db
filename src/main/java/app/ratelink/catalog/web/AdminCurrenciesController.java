package app.ratelink.catalog.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.CurrencyChange;
import app.ratelink.money.Decimals;
import app.ratelink.system.BadRequestException;

/** Admin pages for currencies: list, create, edit — every field of SPEC §1, validated by {@link Catalog}. */
@Controller
class AdminCurrenciesController {

    private final Catalog catalog;

    private final MessageSource messages;

    AdminCurrenciesController(Catalog catalog, MessageSource messages) {
        this.messages = messages;
        this.catalog = catalog;
    }

    /** The form as typed; checkboxes arrive only when ticked. */
    static final class CurrencyForm {
        public String code = "";
        public String name = "";
        public String unit = "";
        public String scale = "2";
        public String reserve = "0";
        public String usdRate = "";
        public boolean active = true;
        public boolean payoutAllowed;
        public String payoutFeePercent = "0";
        public String paymentInstructions = "";
        public String accountPattern = "";
        public String aliases = "";
        public String reserveFormula = "";
        public String reserveAlert = "";

        public void setCode(String v) { code = v; }
        public void setName(String v) { name = v; }
        public void setUnit(String v) { unit = v; }
        public void setScale(String v) { scale = v; }
        public void setReserve(String v) { reserve = v; }
        public void setUsdRate(String v) { usdRate = v; }
        public void setActive(boolean v) { active = v; }
        public void setPayoutAllowed(boolean v) { payoutAllowed = v; }
        public void setPayoutFeePercent(String v) { payoutFeePercent = v; }
        public void setPaymentInstructions(String v) { paymentInstructions = v; }
        public void setAccountPattern(String v) { accountPattern = v; }
        public void setAliases(String v) { aliases = v; }
        public void setReserveFormula(String v) { reserveFormula = v; }
        public void setReserveAlert(String v) { reserveAlert = v; }

        static CurrencyForm of(Currency c) {
            CurrencyForm f = new CurrencyForm();
            f.code = c.code();
            f.name = c.name();
            f.unit = c.unit();
            f.scale = String.valueOf(c.scale());
            f.reserve = Decimals.plain(c.reserve());
            f.usdRate = Decimals.plain(c.usdRate());
            f.active = c.active();
            f.payoutAllowed = c.payoutAllowed();
            f.payoutFeePercent = Decimals.plain(c.payoutFeePercent());
            f.paymentInstructions = c.paymentInstructions();
            f.accountPattern = c.accountPattern();
            f.aliases = String.join(", ", c.aliases());
            f.reserveAlert = c.reserveAlert().signum() == 0 ? "" : Decimals.plain(c.reserveAlert());
            return f;
        }

        static CurrencyForm of(Currency c, String reserveFormula) {
            CurrencyForm f = of(c);
            f.reserveFormula = reserveFormula == null ? "" : reserveFormula;
            return f;
        }
    }

    @GetMapping("/admin/currencies")
    String list(Model model) {
        model.addAttribute("currencies", catalog.currencies());
        return "admin/currencies";
    }

    @GetMapping("/admin/currencies/new")
    String create(Model model) {
        return render(new CurrencyForm(), true, Map.of(), model);
    }

    @GetMapping("/admin/currencies/{code}")
    String edit(@PathVariable String code, Model model) {
        Currency c = catalog.currency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(CurrencyForm.of(c, catalog.reserveFormulas().get(code)), false, Map.of(), model);
    }

    @PostMapping("/admin/currencies")
    String saveNew(@ModelAttribute("form") CurrencyForm form, Model model, RedirectAttributes redirect) {
        form.code = form.code == null ? "" : form.code.trim().toUpperCase(Locale.ROOT);
        if (catalog.currency(form.code).isPresent()) {
            return render(form, true, Map.of("code", "A currency with this code exists already"), model);
        }
        return save(form, true, model, redirect);
    }

    @PostMapping("/admin/currencies/{code}")
    String saveExisting(@PathVariable String code, @ModelAttribute("form") CurrencyForm form, Model model,
                        RedirectAttributes redirect) {
        catalog.currency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        form.code = code;
        return save(form, false, model, redirect);
    }

    private String save(CurrencyForm form, boolean creating, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        CurrencyChange change = new CurrencyChange(form.name == null ? "" : form.name.trim(),
                form.unit == null ? "" : form.unit.trim().toUpperCase(Locale.ROOT),
                required("scale", AdminForms.integer("scale", form.scale, errors), errors),
                required("reserve", AdminForms.decimal("reserve", form.reserve, errors), errors),
                required("usdRate", AdminForms.decimal("usdRate", form.usdRate, errors), errors),
                form.active, form.payoutAllowed,
                Optional.ofNullable(AdminForms.decimal("payoutFeePercent", form.payoutFeePercent, errors))
                        .orElse(BigDecimal.ZERO),
                form.paymentInstructions == null ? "" : form.paymentInstructions.trim(),
                form.accountPattern == null ? "" : form.accountPattern.trim(), AdminForms.list(form.aliases),
                form.reserveFormula == null ? "" : form.reserveFormula.trim(),
                Optional.ofNullable(AdminForms.decimal("reserveAlert", form.reserveAlert, errors)).orElse(BigDecimal.ZERO));
        if (errors.isEmpty()) {
            try {
                catalog.saveCurrency(form.code, change);
                redirect.addFlashAttribute("message", text("admin.currencies.saved", form.code));
                return "redirect:/admin/currencies";
            } catch (BadRequestException e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        return render(form, creating, errors, model);
    }

    private static <T> T required(String field, T value, Map<String, String> errors) {
        if (value == null) {
            errors.putIfAbsent(field, "admin.form.required");
        }
        return value;
    }

    private static String render(CurrencyForm form, boolean creating, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        return "admin/currency";
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
