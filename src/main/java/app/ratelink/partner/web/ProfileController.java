package app.ratelink.partner.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.partner.Partners;
import app.ratelink.partner.PasswordRules;
import app.ratelink.partner.ProfileChanges;
import app.ratelink.partner.web.AccountForms.EmailForm;
import app.ratelink.partner.web.AccountForms.PasswordForm;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;

/** Profile: the account's e-mail and code, change of password, change of e-mail address. */
@Controller
class ProfileController {

    private final Partners partners;
    private final ProfileChanges changes;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final MessageSource messages;

    ProfileController(Partners partners, ProfileChanges changes, MessageSource messages) {
        this.partners = partners;
        this.changes = changes;
        this.messages = messages;
    }

    @GetMapping("/account/profile")
    String profile(Model model) {
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new EmailForm("", ""));
        }
        model.addAttribute("partner", Cabinet.partner(partners));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "partner/profile";
    }

    @PostMapping("/account/profile/password")
    String password(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
                    HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                    RedirectAttributes redirect) {
        AccountForms.sameTwice(form.newPassword(), form.newPasswordAgain(), "newPasswordAgain", result);
        if (!result.hasErrors()) {
            try {
                changes.changePassword(Cabinet.partnerId(), form.currentPassword(), form.newPassword());
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        if (result.hasErrors()) {
            return profile(model);
        }
        // This session stays logged in with the new credentials time; other sessions end.
        contexts.saveContext(SecurityContextHolder.getContext(), request, response);
        redirect.addFlashAttribute("message", messages.getMessage("cabinet.profile.passwordChanged", null, locale));
        return "redirect:/account/profile";
    }

    @PostMapping("/account/profile/email")
    String email(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result, Model model, Locale locale,
                 RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                changes.requestEmailChange(Cabinet.partnerId(), form.currentPassword(), form.newEmail());
            } catch (BadRequestException e) {
                FormErrors.refused(e, result);
            }
        }
        if (result.hasErrors()) {
            return profile(model);
        }
        redirect.addFlashAttribute("message", messages.getMessage("cabinet.profile.emailSent",
                new Object[] {form.newEmail().trim()}, locale));
        return "redirect:/account/profile";
    }
}
