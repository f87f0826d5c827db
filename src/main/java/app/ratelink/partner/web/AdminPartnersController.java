package app.ratelink.partner.web;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerAdministration;
import app.ratelink.partner.Partners;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Confirmation;

/**
 * {@code /admin/partners/{id}}: details, ban/unban, personal reward %, notes. The list with the partners' money
 * (balance, earned, paid, clicks, orders) is {@code admin.web.AdminPartnerListController}; the partner's ledger,
 * payouts and adjustments load into this page from {@code admin.web.AdminPartnerMoneyController}.
 */
@Controller
class AdminPartnersController {

    private final Partners partners;
    private final PartnerAdministration administration;
    private final Settings settings;

    private final MessageSource messages;

    AdminPartnersController(Partners partners, PartnerAdministration administration, Settings settings, MessageSource messages) {
        this.messages = messages;
        this.partners = partners;
        this.administration = administration;
        this.settings = settings;
    }

    @GetMapping("/admin/partners/{id}")
    String detail(@PathVariable long id, Model model) {
        Partner partner = partners.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("zone", settings.zone());
        model.addAttribute("partner", partner);
        model.addAttribute("link", partners.link(partner));
        // A posted form is in the model already, with its errors: replacing it would drop them.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PartnerForm.of(partner));
        }
        return "admin/partner";
    }

    @PostMapping("/admin/partners/{id}/ban")
    String ban(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, Model model,
               RedirectAttributes redirect) {
        Partner partner = existing(id);
        if (!confirm) {
            // A ban logs the partner out and stops its API at once: asked once more, without JavaScript.
            return new Confirmation(Confirmation.Layout.ADMIN, text("admin.confirm.ban", String.valueOf(id),
                    partner.email()), "/admin/partners/" + id + "/ban", Map.of(), "/admin/partners/" + id).show(model);
        }
        administration.setBanned(id, true);
        redirect.addFlashAttribute("message", text("admin.partner.bannedMessage"));
        return "redirect:/admin/partners/" + id;
    }

    @PostMapping("/admin/partners/{id}/unban")
    String unban(@PathVariable long id, RedirectAttributes redirect) {
        existing(id);
        administration.setBanned(id, false);
        redirect.addFlashAttribute("message", text("admin.partner.unbannedMessage"));
        return "redirect:/admin/partners/" + id;
    }

    @PostMapping("/admin/partners/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        existing(id);
        administration.confirm(id);
        redirect.addFlashAttribute("message", text("admin.partner.confirmedMessage"));
        return "redirect:/admin/partners/" + id;
    }

    /**
     * Every mistake the form can see by itself (not a number, too long) is put on its field at once; the
     * administration's own refusal, if it still has one, goes on the field it names.
     */
    @PostMapping("/admin/partners/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") PartnerForm form, BindingResult result,
                Model model, RedirectAttributes redirect) {
        existing(id);
        BigDecimal percent = null;
        if (!form.rewardPercent().isEmpty()) {
            try {
                percent = new BigDecimal(form.rewardPercent());
            } catch (NumberFormatException e) {
                result.rejectValue("rewardPercent", "admin.partner.percentInvalid",
                        "Enter a number such as 15 or 12.5, or leave empty.");
            }
        }
        if (!result.hasErrors()) {
            try {
                administration.setRewardPercent(id, percent);
                administration.setNotes(id, form.notes());
                redirect.addFlashAttribute("message", text("admin.partner.saved"));
                return "redirect:/admin/partners/" + id;
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        return detail(id, model);
    }

    private Partner existing(long id) {
        return partners.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
