package app.ratelink.partner.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.partner.Partnerships;
import app.ratelink.system.BadRequestException;

/**
 * The partner's terms in the admin ({@code POST /admin/partners/{id}/terms}); the form is the fragment
 * partner/terms on the partner's page. A refused field goes back to the page with its message by the field.
 */
@Controller
class AdminPartnerTermsController {

    private final Partnerships partnerships;
    private final MessageSource messages;

    AdminPartnerTermsController(Partnerships partnerships, MessageSource messages) {
        this.partnerships = partnerships;
        this.messages = messages;
    }

    record TermsForm(@Size(max = 500) @Pattern(regexp = "\\s*(https?://\\S+)?\\s*") String reviewUrl,
                     @NotNull @Pattern(regexp = "orders|uniqueClicks") String rewardScheme,
                     @Pattern(regexp = "\\s*(\\d{1,3}(\\.\\d{1,8})?)?\\s*") String uniqueClickReward) {
    }

    @PostMapping("/admin/partners/{id}/terms")
    String save(@PathVariable long id, @Valid @ModelAttribute("termsForm") TermsForm form, BindingResult binding,
                Locale locale, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                messages.getMessage("monitorings.terms.error." + e.getField(), null, locale)));
        if (errors.isEmpty()) {
            try {
                String reward = form.uniqueClickReward() == null ? "" : form.uniqueClickReward().trim();
                partnerships.save(id, new Partnerships.Change(form.reviewUrl() == null ? "" : form.reviewUrl(),
                        form.rewardScheme(), reward.isEmpty() ? BigDecimal.ZERO : new BigDecimal(reward)));
                redirect.addFlashAttribute("message", messages.getMessage("monitorings.terms.saved", null, locale));
                return "redirect:/admin/partners/" + id;
            } catch (BadRequestException e) {
                errors.put(e.field(), messages.getMessage(e.refusal(), locale));
            }
        }
        redirect.addFlashAttribute("termsErrors", errors);
        redirect.addFlashAttribute("termsForm", form);
        return "redirect:/admin/partners/" + id;
    }
}
