package app.ratelink.apikey.web;

import java.time.format.DateTimeFormatter;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.apikey.NewApiKey;
import app.ratelink.partner.Partners;
import app.ratelink.system.Settings;

/**
 * Profile → "APIs" (the seed: "click on the 'Create API Access' button"). A new key is shown once, in
 * {@code id="api-key"}, on the page the creation redirects to (flash attribute: a reload does not show it
 * again). Every query is scoped to the logged-in partner, so a key id of another partner is "not found".
 */
@Controller
class ApiKeysController {

    private final ApiKeys keys;
    private final Settings settings;

    ApiKeysController(ApiKeys keys, Settings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    record Row(long id, String prefix, String created, String lastUsed, boolean revoked, String revokedAt) {
    }

    @GetMapping("/account/api")
    String page(Model model) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
        model.addAttribute("keys", keys.list(partnerId()).stream().map(k -> new Row(k.id(), k.prefix(),
                format.format(k.createdAt()), k.lastUsedAt() == null ? null : format.format(k.lastUsedAt()),
                k.revoked(), k.revoked() ? format.format(k.revokedAt()) : "")).toList());
        model.addAttribute("zone", settings.zone().getId());
        model.addAttribute("endpoint", settings.baseUrl() + "/service/partner/api.php");
        return "apikey/keys";
    }

    @PostMapping("/account/api")
    String create(RedirectAttributes redirect) {
        NewApiKey created = keys.create(partnerId());
        redirect.addFlashAttribute("newKey", created.key());
        redirect.addFlashAttribute("newKeyPrefix", created.listed().prefix());
        return "redirect:/account/api";
    }

    @PostMapping("/account/api/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
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
