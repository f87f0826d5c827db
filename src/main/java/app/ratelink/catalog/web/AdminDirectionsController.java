package app.ratelink.catalog.web;

import app.ratelink.system.web.AdminForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionChange;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.DirectionSwitch;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;

/**
 * Admin pages for directions: list, create, edit — rate in/out, limits, fees, flags, cash cities, profit
 * and reward overrides, active — validated by {@link Catalog}, errors shown on their fields.
 */
@Controller
class AdminDirectionsController {

    private final Catalog catalog;
    private final DirectionSwitch directionSwitch;
    private final MessageSource messages;

    AdminDirectionsController(Catalog catalog, DirectionSwitch directionSwitch, MessageSource messages) {
        this.catalog = catalog;
        this.directionSwitch = directionSwitch;
        this.messages = messages;
    }

    /** One line of the list: the direction and why the feeds leave it out (null when listed). */
    record DirectionRow(Direction direction, String unlisted) {
    }

    /**
     * The list, filtered by currency ({@code q}: part of the from or to code, any case), {@code active}
     * ({@code yes}/{@code no}), {@code feed} ({@code in}/{@code out}, with the reason it is out) and {@code stale}
     * ({@code yes}: the rate's source has gone stale, {@code no}), each row
     * with a checkbox for the bulk switch.
     */
    @InitBinder("form")
    void checkboxes(WebDataBinder binder) {
        AdminForms.checkboxes(binder);
    }

    @GetMapping("/admin/directions")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String active,
                @RequestParam(defaultValue = "") String feed, @RequestParam(defaultValue = "") String stale,
                Model model) {
        String code = q.strip().toUpperCase(Locale.ROOT);
        Map<String, String> unlisted = new HashMap<>();
        catalog.unlisted().forEach(u -> unlisted.put(u.direction().from() + "-" + u.direction().to(), u.reason().code()));
        List<DirectionRow> rows = catalog.directions().stream()
                .filter(d -> code.isEmpty() || d.from().contains(code) || d.to().contains(code))
                .filter(d -> !"yes".equals(active) || d.active())
                .filter(d -> !"no".equals(active) || !d.active())
                .filter(d -> !"yes".equals(stale) || !d.rateAvailable())
                .filter(d -> !"no".equals(stale) || d.rateAvailable())
                .map(d -> new DirectionRow(d, unlisted.get(d.from() + "-" + d.to())))
                .filter(r -> !"in".equals(feed) || r.unlisted() == null)
                .filter(r -> !"out".equals(feed) || r.unlisted() != null)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("directions", rows.stream().map(DirectionRow::direction).toList());
        model.addAttribute("q", q);
        model.addAttribute("active", active);
        model.addAttribute("feed", feed);
        model.addAttribute("stale", stale);
        return "admin/directions";
    }

    /** Enables or disables the ticked directions at once: one transaction, one audit entry. */
    @PostMapping("/admin/directions/bulk")
    String bulk(@RequestParam(name = "selected", required = false) List<String> selected,
                @RequestParam String action, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "") String active, @RequestParam(defaultValue = "") String feed,
                @RequestParam(defaultValue = "") String stale, RedirectAttributes redirect, Locale locale) {
        List<String[]> pairs = new ArrayList<>();
        for (String s : selected == null ? List.<String>of() : selected) {
            String[] pair = s.split("-", 2);
            if (pair.length == 2) {
                pairs.add(pair);
            }
        }
        if (pairs.isEmpty() || !("enable".equals(action) || "disable".equals(action))) {
            redirect.addFlashAttribute("error", messages.getMessage("dashboard.directions.bulk.none", null, locale));
        } else {
            try {
                int changed = directionSwitch.setActive(pairs, "enable".equals(action));
                redirect.addFlashAttribute("message", messages.getMessage("enable".equals(action)
                        ? "dashboard.directions.bulk.enabled" : "dashboard.directions.bulk.disabled",
                        new Object[] {changed}, locale));
            } catch (BadRequestException e) {
                redirect.addFlashAttribute("error", messages.getMessage(e.refusal(), locale));
            }
        }
        redirect.addAttribute("q", q);
        redirect.addAttribute("active", active);
        redirect.addAttribute("feed", feed);
        redirect.addAttribute("stale", stale);
        return "redirect:/admin/directions";
    }

    @GetMapping("/admin/directions/new")
    String create(Model model) {
        return render(DirectionForm.empty(), true, model);
    }

    @GetMapping("/admin/directions/{from}/{to}")
    String edit(@PathVariable String from, @PathVariable String to, Model model) {
        Direction d = catalog.direction(from, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(DirectionForm.of(d), false, model);
    }

    @PostMapping("/admin/directions")
    String saveNew(@Valid @ModelAttribute("form") DirectionForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        if (catalog.direction(form.from(), form.to()).isPresent()) {
            result.rejectValue("to", "admin.directions.exists", "This direction exists already");
        }
        return save(form, result, true, model, redirect);
    }

    @PostMapping("/admin/directions/{from}/{to}")
    String saveExisting(@PathVariable String from, @PathVariable String to,
                        @Valid @ModelAttribute("form") DirectionForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        catalog.direction(from, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The pair is the URL's: posted from/to could not move the direction anyway.
        return save(form.withPair(from, to), result, false, model, redirect);
    }

    /**
     * Every mistake the form can see by itself (missing, not a number) is put on its field at once; the
     * catalogue's own refusal, if it still has one, goes on the field it names.
     */
    private String save(DirectionForm form, BindingResult result, boolean creating, Model model,
                        RedirectAttributes redirect) {
        // With a rate formula the rate comes from its sources: in and out may stay empty.
        boolean formula = !form.rateFormula().isEmpty();
        BigDecimal in = AdminForms.decimal("in", form.rateIn(), result);
        BigDecimal out = AdminForms.decimal("out", form.out(), result);
        DirectionChange change = new DirectionChange(
                formula ? in : AdminForms.required("in", in, result),
                formula ? out : AdminForms.required("out", out, result),
                AdminForms.required("minAmount", AdminForms.decimal("minAmount", form.minAmount(), result), result),
                AdminForms.required("maxAmount", AdminForms.decimal("maxAmount", form.maxAmount(), result), result),
                AdminForms.required("profitPercent", AdminForms.decimal("profitPercent", form.profitPercent(), result), result),
                form.flags(), AdminForms.list(form.cities()), form.active(),
                form.minFee(), form.fromFee(), form.toFee(),
                AdminForms.decimal("rewardPercent", form.rewardPercent(), result),
                AdminForms.decimal("rewardFixed", form.rewardFixed(), result),
                form.rateFormula(), form.requiresConsent());
        // The one rule between two fields the form can see: said with the other mistakes, not after them.
        if (change.minAmount() != null && change.maxAmount() != null && change.maxAmount().compareTo(change.minAmount()) < 0
                && !result.hasFieldErrors("maxAmount")) {
            result.rejectValue("maxAmount", "refusal.catalog.maxBelowMin", "Must be at least the minimum amount");
        }
        if (!result.hasErrors()) {
            try {
                catalog.saveDirection(form.from(), form.to(), change);
                // An emptied override field means "no override": the partner's or the level % applies.
                catalog.clearRewardOverrides(form.from(), form.to(), isBlank(form.rewardPercent()),
                        isBlank(form.rewardFixed()));
                redirect.addFlashAttribute("message", text("admin.directions.saved", form.from(), form.to()));
                return "redirect:/admin/directions";
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        return render(form, creating, model);
    }

    /** A posted form is in the model already, with its errors: replacing it would drop them. */
    private String render(DirectionForm form, boolean creating, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("from", form.from());
        model.addAttribute("to", form.to());
        model.addAttribute("creating", creating);
        model.addAttribute("allFlags", Arrays.stream(DirectionFlag.values()).map(DirectionFlag::code).toList());
        model.addAttribute("currencies", catalog.currencies().stream().collect(Collectors.toMap(Currency::code,
                c -> c.code() + " — " + c.name(), (a, b) -> a, LinkedHashMap::new)));
        return "admin/direction";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
