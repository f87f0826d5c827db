package app.ratelink.feed.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.feed.FeedProfile;
import app.ratelink.feed.FeedProfiles;
import app.ratelink.feed.XmlFlavour;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Settings;

/** Feed profiles in the admin: one per monitoring, with the three URLs to give it. */
@Controller
class AdminFeedsController {

    private final FeedProfiles profiles;
    private final Settings settings;

    private final MessageSource messages;

    AdminFeedsController(FeedProfiles profiles, Settings settings, MessageSource messages) {
        this.messages = messages;
        this.profiles = profiles;
        this.settings = settings;
    }

    @GetMapping("/admin/feeds")
    String list(@RequestParam(required = false) String code, Model model) {
        FeedProfile editing = code == null ? null : profiles.byCode(code).orElse(null);
        model.addAttribute("profiles", profiles.all());
        model.addAttribute("base", settings.baseUrl());
        model.addAttribute("flavours", XmlFlavour.values());
        model.addAttribute("form", editing == null ? Map.of("code", "", "name", "", "enabled", true, "xmlFlavour", "classic",
                "directions", "", "aliases", "") : Map.of("code", editing.code(), "name", editing.name(), "enabled",
                editing.enabled(), "xmlFlavour", editing.xmlFlavour().code(), "directions",
                String.join("\n", editing.directions()), "aliases", String.join("\n", editing.aliases().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList())));
        return "admin/feeds";
    }

    @PostMapping("/admin/feeds")
    String save(@RequestParam String code, @RequestParam String name, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam String xmlFlavour, @RequestParam(defaultValue = "") String directions,
                @RequestParam(defaultValue = "") String aliases, Model model, RedirectAttributes redirect) {
        try {
            profiles.save(code.trim(), new FeedProfiles.Change(name, enabled, xmlFlavour, split(directions), aliasMap(aliases)));
        } catch (BadRequestException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("profiles", profiles.all());
            model.addAttribute("base", settings.baseUrl());
            model.addAttribute("flavours", XmlFlavour.values());
            model.addAttribute("form", Map.of("code", code, "name", name, "enabled", enabled, "xmlFlavour", xmlFlavour,
                    "directions", directions, "aliases", aliases));
            return "admin/feeds";
        }
        redirect.addFlashAttribute("message", text("admin.feeds.saved", code.trim()));
        return "redirect:/admin/feeds";
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> aliasMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : split(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadRequestException("aliases", "Aliases are CODE=ALIAS pairs: " + pair);
            }
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
