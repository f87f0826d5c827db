package app.ratelink.admin.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminPrincipal;
import app.ratelink.admin.AdminSessions;
import app.ratelink.partner.PasswordRules;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Settings;
import app.ratelink.twofactor.TwoFactor;

/**
 * {@code /admin/account}: the admin's own account: its active sessions (any can be ended), its password and
 * its two-factor login. Open to every role: support changes its own password too.
 */
@Controller
class AdminAccountController {

    static final String SESSION_KEY = AdminSessions.SESSION_ATTRIBUTE;

    private final AdminAccounts accounts;
    private final AdminSessions sessions;
    private final TwoFactor twoFactor;
    private final AdminTexts texts;
    private final Settings settings;

    AdminAccountController(AdminAccounts accounts, AdminSessions sessions, TwoFactor twoFactor, AdminTexts texts,
                           Settings settings) {
        this.settings = settings;
        this.accounts = accounts;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.texts = texts;
    }

    record PasswordForm(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String password,
                        @NotBlank @Size(max = 200) String passwordAgain) {
    }

    @GetMapping("/admin/account")
    String account(@AuthenticationPrincipal AdminPrincipal admin, HttpSession session, Model model) {
        model.addAttribute("admin", accounts.byId(admin.id()).orElseThrow());
        model.addAttribute("sessions", sessions.active(admin.id()));
        model.addAttribute("zone", settings.zone());
        model.addAttribute("current", session.getAttribute(SESSION_KEY));
        model.addAttribute("twoFactor", twoFactor.enabled(admin.twoFactorSubject()));
        return "admin/account";
    }

    @PostMapping("/admin/account/sessions/{key}/end")
    String end(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", texts.text(sessions.end(admin.id(), key)
                ? "admins.sessions.ended" : "admins.sessions.unknown"));
        return "redirect:/admin/account";
    }

    @GetMapping("/admin/account/password")
    String passwordForm(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return passwordPage(admin, model);
    }

    @PostMapping("/admin/account/password")
    String password(@AuthenticationPrincipal AdminPrincipal admin, @Valid @ModelAttribute("form") PasswordForm form,
                    BindingResult binding, HttpSession session, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors() && !form.password().equals(form.passwordAgain())) {
            binding.rejectValue("passwordAgain", "differ", texts.text("admins.password.differ"));
        }
        if (!binding.hasErrors()) {
            try {
                accounts.changePassword(admin.id(), form.currentPassword(), form.password(),
                        (String) session.getAttribute(SESSION_KEY));
                redirect.addFlashAttribute("message", texts.text("admins.password.changed"));
                return "redirect:/admin/account";
            } catch (BadRequestException e) {
                binding.rejectValue(e.field(), "refused", texts.refusal(e));
            }
        }
        return passwordPage(admin, model);
    }

    private String passwordPage(AdminPrincipal admin, Model model) {
        model.addAttribute("mustChange", accounts.byId(admin.id()).orElseThrow().mustChangePassword());
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "admin/password";
    }
}
