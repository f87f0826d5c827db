package app.ratelink.admin.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.system.InvalidSettingException;
import app.ratelink.system.Languages;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /admin/settings}: every operator setting under a label, with its unit and a line of help in the
 * operator's language ({@code admin.setting.<name>.*} of the bundles; a setting without texts shows its name
 * and description). Every value is checked and every refused one shown at once; all are stored together or
 * not at all ({@link Settings#update}).
 */
@Controller
class AdminSettingsController {

    /** Settings with a fixed set of values get a select instead of a text box. */
    private static final Map<Setting, List<String>> CHOICES = Map.of(
            Setting.REWARD_BASE, List.of("profit", "amount"),
            Setting.API_MODE, List.of("on", "off", "selected"),
            Setting.API_FULL_IPS, List.of("false", "true"),
            Setting.MAINTENANCE, List.of("false", "true"),
            Setting.POSTBACK_PRIVATE_ADDRESSES, List.of("false", "true"));

    /** Whole numbers get a number box. */
    private static final Set<Setting> NUMBERS = Set.of(Setting.COOKIE_LIFETIME_DAYS, Setting.ORDER_EXPIRY_MINUTES,
            Setting.API_RATE_LIMIT);

    /** The page's sections, in order; a setting added later and not listed lands in "other". */
    private static final Map<String, List<Setting>> GROUPS = groups();

    private final Settings settings;
    private final MessageSource messages;

    AdminSettingsController(Settings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    /** One option of a select: the stored value and what the operator reads. */
    record Choice(String value, String label) {
    }

    record Field(Setting setting, String key, String label, String help, String unit, String value,
                 List<Choice> choices, String type, String error) {
    }

    record Group(String key, List<Field> fields) {
    }

    @GetMapping("/admin/settings")
    String page(Locale locale, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        settings.all().forEach((s, v) -> values.put(s.key(), v));
        return render(values, Set.of(), locale, model);
    }

    @PostMapping("/admin/settings")
    String save(@RequestParam Map<String, String> form, Locale locale, Model model, RedirectAttributes redirect) {
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        Map<String, String> values = new LinkedHashMap<>();
        List<Setting> refused = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String submitted = form.get(s.key());
            values.put(s.key(), submitted == null ? settings.get(s) : submitted);
            if (submitted != null && !submitted.trim().equals(settings.get(s))) {
                changes.put(s, submitted);
                if (!s.accepts(submitted)) {
                    refused.add(s);
                }
            }
        }
        if (!refused.isEmpty()) {
            return render(values, Set.copyOf(refused), locale, model);
        }
        if (!changes.isEmpty()) {
            try {
                settings.update(changes);
            } catch (InvalidSettingException e) {
                return render(values, Set.of(e.setting()), locale, model);
            }
        }
        redirect.addFlashAttribute("message", changes.isEmpty() ? "admin.settings.unchanged" : "admin.settings.saved");
        return "redirect:/admin/settings";
    }

    private String render(Map<String, String> values, Set<Setting> invalid, Locale locale, Model model) {
        List<Group> groups = new ArrayList<>();
        GROUPS.forEach((group, members) -> {
            List<Field> fields = members.stream().map(s -> field(s, values.get(s.key()), invalid.contains(s), locale))
                    .toList();
            if (!fields.isEmpty()) {
                groups.add(new Group(group, fields));
            }
        });
        model.addAttribute("groups", groups);
        model.addAttribute("failed", !invalid.isEmpty());
        return "admin/settings";
    }

    private Field field(Setting s, String value, boolean invalid, Locale locale) {
        String prefix = "admin.setting." + s.key();
        String label = text(prefix + ".label", s.key(), locale);
        String help = text(prefix + ".help", s.description(), locale);
        String unit = text(prefix + ".unit", "", locale);
        List<Choice> choices;
        if (s == Setting.DEFAULT_LANGUAGE) {
            choices = Languages.available().stream().map(l -> new Choice(l.getLanguage(),
                    messages.getMessage("site.language.name", null, l.getLanguage(), l))).toList();
        } else {
            choices = CHOICES.getOrDefault(s, List.of()).stream()
                    .map(c -> new Choice(c, text(prefix + ".choice." + c, c, locale))).toList();
        }
        String error = invalid ? text(prefix + ".invalid", messages.getMessage("admin.settings.invalid", null, locale),
                locale) : null;
        return new Field(s, s.key(), label, help, unit, value, choices, NUMBERS.contains(s) ? "number" : "text", error);
    }

    private String text(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static Map<String, List<Setting>> groups() {
        Map<String, List<Setting>> g = new LinkedHashMap<>();
        g.put("site", List.of(Setting.BASE_URL, Setting.TIME_ZONE, Setting.DEFAULT_LANGUAGE, Setting.MAINTENANCE,
                Setting.ORDER_EXPIRY_MINUTES, Setting.MANUAL_HOURS, Setting.OPERATOR_EMAILS));
        g.put("partners", List.of(Setting.COOKIE_LIFETIME_DAYS, Setting.REWARD_BASE, Setting.REWARD_PERCENT,
                Setting.REWARD_LEVELS, Setting.MIN_PAYOUT));
        g.put("api", List.of(Setting.API_MODE, Setting.API_PARTNERS, Setting.API_FULL_IPS, Setting.API_RATE_LIMIT));
        g.put("network", List.of(Setting.TRUSTED_PROXIES, Setting.POSTBACK_PRIVATE_ADDRESSES));
        List<Setting> listed = g.values().stream().flatMap(List::stream).toList();
        g.put("other", Arrays.stream(Setting.values()).filter(s -> !listed.contains(s)).toList());
        return g;
    }
}
