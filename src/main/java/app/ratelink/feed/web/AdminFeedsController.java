package app.ratelink.feed.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

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
import app.ratelink.system.FormErrors;
import app.ratelink.system.web.AdminForms;

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

    @InitBinder("form")
    void checkboxes(WebDataBinder binder) {
        AdminForms.checkboxes(binder);
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
        // A posted form is in the model already, with its errors: replacing it would drop them.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
    }

    /**
     * Every mistake the form can see by itself (missing, too long, not a number, not CODE=ALIAS) is put on its
     * field at once; the profiles' own refusal, if they still have one, goes on the field it names.
     */
    @PostMapping("/admin/feeds")
    String save(@Valid @ModelAttribute("form") FeedForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        // The checkboxes count only when the form had them (it always sends its contentType select).
        boolean compatibility = form.contentType() != null;
        Long partnerId = partnerId(form.partnerId(), result);
        Map<String, String> aliases = aliasMap(form.aliases(), result);
        if (!result.hasErrors()) {
            try {
                profiles.save(form.code(), new FeedProfiles.Change(form.name(), form.enabled(), form.xmlFlavour(),
                        split(form.directions()), aliases, form.contentType(),
                        compatibility ? form.amountSuffix() : null, compatibility ? form.legacyParam() : null,
                        compatibility ? partnerId : null));
                redirect.addFlashAttribute("message", text("admin.feeds.saved", form.code()));
                return "redirect:/admin/feeds";
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        page(model, form);
        return "admin/feeds";
    }

    /** Empty: no partner (0 removes a stored one). */
    private static Long partnerId(String text, BindingResult result) {
        if (text.isEmpty()) {
            return 0L;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            result.rejectValue("partnerId", "admin.form.whole", "Enter a whole number");
            return null;
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> aliasMap(String text, BindingResult result) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : split(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                result.rejectValue("aliases", "admin.feeds.aliasPairs", new Object[] {pair},
                        "Write each alias as CODE=ALIAS: " + pair);
                return map;
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
