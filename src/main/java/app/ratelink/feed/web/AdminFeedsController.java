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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.feed.FeedCompatibility;
import app.ratelink.feed.FeedProfile;
import app.ratelink.feed.FeedProfiles;
import app.ratelink.feed.FeedRobots;
import app.ratelink.feed.XmlFlavour;
import app.ratelink.system.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import app.ratelink.system.Settings;

/** Feed profiles in the admin: one per monitoring, with the three URLs to give it. */
@Controller
class AdminFeedsController {

    private final FeedProfiles profiles;
    private final Settings settings;
    private final FeedRobots robots;

    private final MessageSource messages;

    AdminFeedsController(FeedProfiles profiles, Settings settings, FeedRobots robots,
                         MessageSource messages) {
        this.messages = messages;
        this.profiles = profiles;
        this.settings = settings;
        this.robots = robots;
    }

    /** One profile: its links, its options, and the robots that poll it. */
    @GetMapping("/admin/feeds/{code}")
    String one(@PathVariable String code, Model model) {
        FeedProfile profile = profiles.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("profile", profile);
        model.addAttribute("base", settings.baseUrl());
        model.addAttribute("robots", robots.of(code));
        model.addAttribute("zone", settings.zone());
        return "feed/admin-feed";
    }

    /** The profile form as shown: text fields as typed, so a refused save shows them back unchanged. */
    record FeedForm(String code, String name, boolean enabled, String xmlFlavour, String directions, String aliases,
                    String contentType, boolean amountSuffix, boolean legacyParam, String partnerId) {

        static final FeedForm EMPTY = new FeedForm("", "", true, "classic", "", "",
                FeedCompatibility.DEFAULT.contentType(), true, false, "");

        static FeedForm of(FeedProfile p) {
            return new FeedForm(p.code(), p.name(), p.enabled(), p.xmlFlavour().code(), String.join("\n", p.directions()),
                    String.join("\n", p.aliases().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                    p.compatibility().contentType(), p.compatibility().amountSuffix(), p.compatibility().legacyParam(),
                    p.partnerId() == null ? "" : p.partnerId().toString());
        }
    }

    @GetMapping("/admin/feeds")
    String list(@RequestParam(required = false) String code, Model model) {
        FeedProfile editing = code == null ? null : profiles.byCode(code).orElse(null);
        page(model, editing == null ? FeedForm.EMPTY : FeedForm.of(editing));
        return "admin/feeds";
    }

    private void page(Model model, FeedForm form) {
        model.addAttribute("profiles", profiles.all());
        model.addAttribute("base", settings.baseUrl());
        model.addAttribute("flavours", XmlFlavour.values());
        model.addAttribute("contentTypes", FeedCompatibility.XML_CONTENT_TYPES);
        model.addAttribute("form", form);
    }

    @PostMapping("/admin/feeds")
    String save(@RequestParam String code, @RequestParam String name, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam String xmlFlavour, @RequestParam(defaultValue = "") String directions,
                @RequestParam(defaultValue = "") String aliases,
                @RequestParam(required = false) String contentType,
                @RequestParam(defaultValue = "false") boolean amountSuffix,
                @RequestParam(defaultValue = "false") boolean legacyParam,
                @RequestParam(defaultValue = "") String partnerId, Model model, RedirectAttributes redirect) {
        try {
            // The checkboxes count only when the form had them (it always sends its contentType select).
            boolean compatibility = contentType != null;
            profiles.save(code.trim(), new FeedProfiles.Change(name, enabled, xmlFlavour, split(directions), aliasMap(aliases),
                    contentType, compatibility ? amountSuffix : null, compatibility ? legacyParam : null,
                    compatibility ? partnerId(partnerId) : null));
        } catch (BadRequestException e) {
            model.addAttribute("error", e.getMessage());
            page(model, new FeedForm(code, name, enabled, xmlFlavour, directions, aliases, contentType, amountSuffix,
                    legacyParam, partnerId));
            return "admin/feeds";
        }
        redirect.addFlashAttribute("message", text("admin.feeds.saved", code.trim()));
        return "redirect:/admin/feeds";
    }

    /** Empty: no partner (0 removes a stored one). */
    private static Long partnerId(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return 0L;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new BadRequestException("partnerId", "Partner id must be a number");
        }
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
