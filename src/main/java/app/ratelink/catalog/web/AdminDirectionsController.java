package app.ratelink.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionChange;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.DirectionSwitch;
import app.ratelink.money.Decimals;
import app.ratelink.system.BadRequestException;

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

    /** The form as typed; checkboxes arrive only when ticked. */
    static final class DirectionForm {
        public String from = "";
        public String to = "";
        public String in = "";
        public String out = "";
        public String minAmount = "";
        public String maxAmount = "";
        public String minFee = "";
        public String fromFee = "";
        public String toFee = "";
        public List<String> flags = new ArrayList<>();
        public String cities = "";
        public String profitPercent = "0";
        public String rewardPercent = "";
        public String rewardFixed = "";
        public boolean active = true;
        public String rateFormula = "";
        public boolean requiresConsent;

        public void setFrom(String v) { from = v; }
        public void setTo(String v) { to = v; }
        public void setIn(String v) { in = v; }
        public void setOut(String v) { out = v; }
        public void setMinAmount(String v) { minAmount = v; }
        public void setMaxAmount(String v) { maxAmount = v; }
        public void setMinFee(String v) { minFee = v; }
        public void setFromFee(String v) { fromFee = v; }
        public void setToFee(String v) { toFee = v; }
        public void setFlags(List<String> v) { flags = v == null ? new ArrayList<>() : v; }
        public void setCities(String v) { cities = v; }
        public void setProfitPercent(String v) { profitPercent = v; }
        public void setRewardPercent(String v) { rewardPercent = v; }
        public void setRewardFixed(String v) { rewardFixed = v; }
        public void setActive(boolean v) { active = v; }
        public void setRateFormula(String v) { rateFormula = v; }
        public void setRequiresConsent(boolean v) { requiresConsent = v; }

        static DirectionForm of(Direction d) {
            DirectionForm f = new DirectionForm();
            f.from = d.from();
            f.to = d.to();
            f.in = Decimals.plain(d.rateIn());
            f.out = Decimals.plain(d.rateOut());
            f.minAmount = Decimals.plain(d.minAmount());
            f.maxAmount = Decimals.plain(d.maxAmount());
            f.minFee = d.minFee() == null ? "" : d.minFee().toString();
            f.fromFee = d.fromFee() == null ? "" : d.fromFee().toString();
            f.toFee = d.toFee() == null ? "" : d.toFee().toString();
            f.flags = new ArrayList<>(d.flags().stream().map(DirectionFlag::code).toList());
            f.cities = String.join(", ", d.cities());
            f.profitPercent = Decimals.plain(d.profitPercent());
            f.rewardPercent = d.rewardPercent() == null ? "" : Decimals.plain(d.rewardPercent());
            f.rewardFixed = d.rewardFixed() == null ? "" : Decimals.plain(d.rewardFixed());
            f.active = d.active();
            f.rateFormula = d.rateFormula() == null ? "" : d.rateFormula();
            f.requiresConsent = d.requiresConsent();
            return f;
        }
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
                redirect.addFlashAttribute("error", e.getMessage());
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
        return render(new DirectionForm(), true, Map.of(), model);
    }

    @GetMapping("/admin/directions/{from}/{to}")
    String edit(@PathVariable String from, @PathVariable String to, Model model) {
        Direction d = catalog.direction(from, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(DirectionForm.of(d), false, Map.of(), model);
    }

    @PostMapping("/admin/directions")
    String saveNew(@ModelAttribute("form") DirectionForm form, Model model, RedirectAttributes redirect) {
        form.from = upper(form.from);
        form.to = upper(form.to);
        if (catalog.direction(form.from, form.to).isPresent()) {
            return render(form, true, Map.of("to", "admin.directions.exists"), model);
        }
        return save(form, true, model, redirect);
    }

    @PostMapping("/admin/directions/{from}/{to}")
    String saveExisting(@PathVariable String from, @PathVariable String to,
                        @ModelAttribute("form") DirectionForm form, Model model, RedirectAttributes redirect) {
        catalog.direction(from, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        form.from = from;
        form.to = to;
        return save(form, false, model, redirect);
    }

    private String save(DirectionForm form, boolean creating, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        // With a rate formula the rate comes from its sources: in and out may stay empty.
        boolean formula = !isBlank(form.rateFormula);
        BigDecimal in = AdminForms.decimal("in", form.in, errors);
        BigDecimal out = AdminForms.decimal("out", form.out, errors);
        DirectionChange change = new DirectionChange(
                formula ? in : required("in", in, errors),
                formula ? out : required("out", out, errors),
                required("minAmount", AdminForms.decimal("minAmount", form.minAmount, errors), errors),
                required("maxAmount", AdminForms.decimal("maxAmount", form.maxAmount, errors), errors),
                required("profitPercent", AdminForms.decimal("profitPercent", form.profitPercent, errors), errors),
                form.flags, AdminForms.list(form.cities), form.active,
                blankToEmpty(form.minFee), blankToEmpty(form.fromFee), blankToEmpty(form.toFee),
                AdminForms.decimal("rewardPercent", form.rewardPercent, errors),
                AdminForms.decimal("rewardFixed", form.rewardFixed, errors),
                form.rateFormula == null ? "" : form.rateFormula.trim(), form.requiresConsent);
        if (errors.isEmpty()) {
            try {
                catalog.saveDirection(form.from, form.to, change);
                // An emptied override field means "no override": the partner's or the level % applies.
                catalog.clearRewardOverrides(form.from, form.to, isBlank(form.rewardPercent), isBlank(form.rewardFixed));
                redirect.addFlashAttribute("message", text("admin.directions.saved", form.from, form.to));
                return "redirect:/admin/directions";
            } catch (BadRequestException e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        return render(form, creating, errors, model);
    }

    private String render(DirectionForm form, boolean creating, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        model.addAttribute("allFlags", Arrays.stream(DirectionFlag.values()).map(DirectionFlag::code).toList());
        model.addAttribute("currencies", catalog.currencies());
        return "admin/direction";
    }

    private static <T> T required(String field, T value, Map<String, String> errors) {
        if (value == null) {
            errors.putIfAbsent(field, "admin.form.required");
        }
        return value;
    }

    /** Catalog reads null as "keep", blank as "no fee". */
    private static String blankToEmpty(String text) {
        return text == null ? "" : text.trim();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String upper(String text) {
        return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
