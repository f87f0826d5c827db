package app.ratelink.admin.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.system.InvalidSettingException;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /admin/settings}: every operator setting with its description. All values are validated by
 * {@link Settings#update} and stored together or not at all; a refused value is shown next to its field.
 */
@Controller
class AdminSettingsController {

    /** Settings with a fixed set of values get a select instead of a text box. */
    private static final Map<Setting, List<String>> CHOICES = Map.of(
            Setting.REWARD_BASE, List.of("profit", "amount"),
            Setting.API_MODE, List.of("on", "off", "selected"),
            Setting.API_FULL_IPS, List.of("false", "true"),
            Setting.MAINTENANCE, List.of("false", "true"));

    private final Settings settings;

    AdminSettingsController(Settings settings) {
        this.settings = settings;
    }

    record Field(Setting setting, String key, String description, String value, List<String> choices, String error) {
    }

    @GetMapping("/admin/settings")
    String page(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        settings.all().forEach((s, v) -> values.put(s.key(), v));
        return render(values, null, model);
    }

    @PostMapping("/admin/settings")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String submitted = form.get(s.key());
            values.put(s.key(), submitted == null ? settings.get(s) : submitted);
            if (submitted != null && !submitted.trim().equals(settings.get(s))) {
                changes.put(s, submitted);
            }
        }
        if (!changes.isEmpty()) {
            try {
                settings.update(changes);
            } catch (InvalidSettingException e) {
                return render(values, e.setting(), model);
            }
        }
        redirect.addFlashAttribute("message", changes.isEmpty() ? "Nothing to change." : "Settings saved.");
        return "redirect:/admin/settings";
    }

    private String render(Map<String, String> values, Setting invalid, Model model) {
        model.addAttribute("fields", Arrays.stream(Setting.values()).map(s -> new Field(s, s.key(),
                s.description(), values.get(s.key()), CHOICES.getOrDefault(s, List.of()),
                s == invalid ? "This value is not accepted" : null)).toList());
        model.addAttribute("failed", invalid != null);
        return "admin/settings";
    }
}
