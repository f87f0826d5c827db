package app.ratelink.apikey.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.apikey.ApiKey;
import app.ratelink.apikey.ApiKeyCall;
import app.ratelink.apikey.ApiKeys;
import app.ratelink.apikey.InvalidKeyScopeException;
import app.ratelink.apikey.NewApiKey;
import app.ratelink.partner.Partners;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Confirmation;
import app.ratelink.system.web.Formats;

/**
 * Profile → "APIs" (the seed: "click on the 'Create API Access' button"). A new key is shown once, in
 * {@code id="api-key"}, on the page the creation redirects to (flash attribute: a reload does not show it
 * again). The partner chooses the key's methods ({@code methods}, all checked at first) and may name the
 * addresses it may be used from ({@code allowedIps}); each key's last calls are listed on a page of their own.
 * Every query is scoped to the logged-in partner, so a key id of another partner is "not found".
 */
@Controller
class ApiKeysController {

    private final ApiKeys keys;
    private final Settings settings;
    private final MessageSource messages;
    private final Formats formats;

    ApiKeysController(ApiKeys keys, Settings settings, MessageSource messages, Formats formats) {
        this.keys = keys;
        this.settings = settings;
        this.messages = messages;
        this.formats = formats;
    }

    record Row(long id, String prefix, String created, String lastUsed, boolean revoked, String revokedAt,
               boolean allMethods, List<String> methods, String allowedIps) {
    }

    record CallRow(String time, String method, String address, String result) {
    }

    @GetMapping("/account/api")
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApiKeyForm(ApiKey.METHODS, "", "1"));
        }
        return show(model);
    }

    private String show(Model model) {
        // Times in the site's zone and the reader's pattern, as every other page shows them.
        ZoneId zone = settings.zone();
        model.addAttribute("keys", keys.list(partnerId()).stream().map(k -> new Row(k.id(), k.prefix(),
                formats.minutes(k.createdAt(), zone), k.lastUsedAt() == null ? null : formats.minutes(k.lastUsedAt(), zone),
                k.revoked(), k.revoked() ? formats.minutes(k.revokedAt(), zone) : "", k.methods().isEmpty(), k.methodList(),
                k.allowedIps())).toList());
        model.addAttribute("allMethods", ApiKey.METHODS);
        model.addAttribute("zone", settings.zone().getId());
        model.addAttribute("endpoint", settings.baseUrl() + "/service/partner/api.php");
        return "apikey/keys";
    }

    @PostMapping("/account/api")
    String create(@Valid @ModelAttribute("form") ApiKeyForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            // A post without the page's marker (older page, script) asks for a key of every method, as before.
            List<String> methods = form.scoped() == null ? ApiKey.METHODS
                    : form.methods() == null ? List.of() : form.methods();
            try {
                NewApiKey created = keys.create(partnerId(), methods, form.allowedIps());
                redirect.addFlashAttribute("newKey", created.key());
                redirect.addFlashAttribute("newKeyPrefix", created.listed().prefix());
                return "redirect:/account/api";
            } catch (InvalidKeyScopeException refused) {
                errors.rejectValue(refused.field(), refused.code(), new Object[] {refused.argument()}, refused.code());
            }
        }
        return show(model);
    }

    /** The key's last calls (time, method, address, result), newest first. */
    @GetMapping("/account/api/{id}/calls")
    String calls(@PathVariable long id, Model model) {
        ZoneId zone = settings.zone();
        List<ApiKeyCall> calls = keys.calls(partnerId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("calls", calls.stream().map(c -> new CallRow(formats.time(c.time(), zone), c.method(),
                c.address(), c.result())).toList());
        model.addAttribute("key", keys.list(partnerId()).stream().filter(k -> k.id() == id).findFirst().orElseThrow());
        model.addAttribute("limit", ApiKeys.CALL_LOG);
        model.addAttribute("zone", settings.zone().getId());
        return "apikey/calls";
    }

    @PostMapping("/account/api/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, Model model,
                  RedirectAttributes redirect) {
        if (!confirm) {
            // Programs using the key stop at once and a revoked key never comes back: asked once more.
            ApiKey key = keys.list(partnerId()).stream().filter(k -> k.id() == id && !k.revoked()).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new Confirmation(Confirmation.Layout.ACCOUNT, messages.getMessage("cabinet.api.revokeConfirm",
                    new Object[] {key.prefix()}, LocaleContextHolder.getLocale()), "/account/api/" + id + "/revoke",
                    Map.of(), "/account/api").show(model);
        }
        if (!keys.revoke(partnerId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("message", "cabinet.api.revokedMessage");
        return "redirect:/account/api";
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
