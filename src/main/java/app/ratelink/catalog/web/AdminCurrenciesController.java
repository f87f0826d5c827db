package app.ratelink.catalog.web;

import app.ratelink.system.web.AdminForms;
import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.CurrencyChange;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;

/** Admin pages for currencies: list, create, edit — every field of SPEC §1, validated by {@link Catalog}. */
@Controller
class AdminCurrenciesController {

    private final Catalog catalog;

    private final MessageSource messages;

    AdminCurrenciesController(Catalog catalog, MessageSource messages) {
        this.messages = messages;
        this.catalog = catalog;
    }

    @InitBinder("form")
    void checkboxes(WebDataBinder binder) {
        AdminForms.checkboxes(binder);
    }

    @GetMapping("/admin/currencies")
    String list(Model model) {
        model.addAttribute("currencies", catalog.currencies());
        return "admin/currencies";
    }

    @GetMapping("/admin/currencies/new")
    String create(Model model) {
        return render(CurrencyForm.empty(), true, model);
    }

    @GetMapping("/admin/currencies/{code}")
    String edit(@PathVariable String code, Model model) {
        Currency c = catalog.currency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(CurrencyForm.of(c, catalog.reserveFormulas().get(code)), false, model);
    }

    @PostMapping("/admin/currencies")
    String saveNew(@Valid @ModelAttribute("form") CurrencyForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        if (catalog.currency(form.code()).isPresent()) {
            result.rejectValue("code", "admin.currencies.exists", "A currency with this code exists already");
        }
        return save(form, result, true, model, redirect);
    }

    @PostMapping("/admin/currencies/{code}")
    String saveExisting(@PathVariable String code, @Valid @ModelAttribute("form") CurrencyForm form,
                        BindingResult result, Model model, RedirectAttributes redirect) {
        catalog.currency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The code is the URL's: a posted one could not rename the currency anyway.
        return save(form.withCode(code), result, false, model, redirect);
    }

    /**
     * Every mistake the form can see by itself (missing, not a number, too long) is put on its field at once;
     * the catalogue's own refusal, if it still has one, goes on the field it names.
     */
    private String save(CurrencyForm form, BindingResult result, boolean creating, Model model,
                        RedirectAttributes redirect) {
        CurrencyChange change = new CurrencyChange(form.name(), form.unit(),
                AdminForms.required("scale", AdminForms.integer("scale", form.scale(), result), result),
                AdminForms.required("reserve", AdminForms.decimal("reserve", form.reserve(), result), result),
                AdminForms.required("usdRate", AdminForms.decimal("usdRate", form.usdRate(), result), result),
                form.active(), form.payoutAllowed(),
                Optional.ofNullable(AdminForms.decimal("payoutFeePercent", form.payoutFeePercent(), result))
                        .orElse(BigDecimal.ZERO),
                form.paymentInstructions(), form.accountPattern(), AdminForms.list(form.aliases()),
                form.reserveFormula(),
                Optional.ofNullable(AdminForms.decimal("reserveAlert", form.reserveAlert(), result)).orElse(BigDecimal.ZERO));
        if (!result.hasErrors()) {
            try {
                catalog.saveCurrency(form.code(), change);
                redirect.addFlashAttribute("message", text("admin.currencies.saved", form.code()));
                return "redirect:/admin/currencies";
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        return render(form, creating, model);
    }

    /** A posted form is in the model already, with its errors: replacing it would drop them. */
    private static String render(CurrencyForm form, boolean creating, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("code", form.code());
        model.addAttribute("creating", creating);
        return "admin/currency";
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
