package app.ratelink.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.partner.Partners;
import app.ratelink.partner.PasswordRules;
import app.ratelink.partner.ProfileChanges;
import app.ratelink.system.BadRequestException;

/** Profile: the account's e-mail and code, change of password, change of e-mail address. */
@Controller
class ProfileController {

    private final Partners partners;
    private final ProfileChanges changes;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Partners partners, ProfileChanges changes) {
        this.partners = partners;
        this.changes = changes;
    }

    @GetMapping("/account/profile")
    String profile(Model model) {
        model.addAttribute("partner", Cabinet.partner(partners));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "partner/profile";
    }

    @PostMapping("/account/profile/password")
    String password(@RequestParam(defaultValue = "") String currentPassword,
                    @RequestParam(defaultValue = "") String newPassword,
                    @RequestParam(defaultValue = "") String newPasswordAgain,
                    HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(newPasswordAgain)) {
                throw new BadRequestException("newPasswordAgain", "The two passwords differ.");
            }
            changes.changePassword(Cabinet.partnerId(), currentPassword, newPassword);
        } catch (BadRequestException e) {
            model.addAttribute(e.field() + "Error", e.getMessage());
            return profile(model);
        }
        // This session stays logged in with the new credentials time; other sessions end.
        contexts.saveContext(SecurityContextHolder.getContext(), request, response);
        redirect.addFlashAttribute("message", "Your password was changed.");
        return "redirect:/account/profile";
    }

    @PostMapping("/account/profile/email")
    String email(@RequestParam(defaultValue = "") String currentPassword,
                 @RequestParam(defaultValue = "") String newEmail, Model model, RedirectAttributes redirect) {
        try {
            changes.requestEmailChange(Cabinet.partnerId(), currentPassword, newEmail);
        } catch (BadRequestException e) {
            model.addAttribute("emailForm" + Character.toUpperCase(e.field().charAt(0)) + e.field().substring(1)
                    + "Error", e.getMessage());
            model.addAttribute("newEmail", newEmail);
            return profile(model);
        }
        redirect.addFlashAttribute("message",
                "We sent a confirmation link to " + newEmail.trim() + ". The new address applies once you follow it.");
        return "redirect:/account/profile";
    }
}
