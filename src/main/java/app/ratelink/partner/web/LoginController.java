package app.ratelink.partner.web;

import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.system.LoginThrottledException;
import app.ratelink.partner.PasswordReset;
import app.ratelink.partner.PasswordRules;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Registration;
import app.ratelink.partner.web.AccountForms.RegisterForm;
import app.ratelink.partner.web.AccountForms.ResetForm;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;

/** Log in, register, confirm the address, and reset a forgotten password. */
@Controller
class LoginController {

    private final Registration registration;
    private final PasswordReset reset;
    private final MessageSource messages;

    LoginController(Registration registration, PasswordReset reset, MessageSource messages) {
        this.registration = registration;
        this.reset = reset;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(HttpSession session, Locale locale, Model model) {
        if (Partners.currentPartnerId().isPresent()) {
            return "redirect:/account/partner";
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("failure", failure == null ? null : message(failure, locale));
        model.addAttribute("unconfirmed", failure instanceof DisabledException);
        return "partner/login";
    }

    /** The same words whether the e-mail is unknown or the password wrong: no hint who has an account. */
    String message(Object failure, Locale locale) {
        if (failure instanceof LoginThrottledException t) {
            long seconds = Math.max(1, t.waitTime().toSeconds() + (t.waitTime().toMillisPart() > 0 ? 1 : 0));
            return seconds >= 120
                    ? messages.getMessage("cabinet.login.throttledMinutes", new Object[] {(seconds + 59) / 60}, locale)
                    : messages.getMessage("cabinet.login.throttledSeconds", new Object[] {seconds}, locale);
        }
        if (failure instanceof DisabledException) {
            return messages.getMessage("cabinet.login.unconfirmed", null, locale);
        }
        if (failure instanceof LockedException) {
            return messages.getMessage("cabinet.login.blocked", null, locale);
        }
        return messages.getMessage("cabinet.login.wrong", null, locale);
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("registerForm", new RegisterForm("", "", ""));
        return "partner/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registerForm") RegisterForm form, BindingResult result, Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        AccountForms.sameTwice(form.password(), form.passwordAgain(), "passwordAgain", result);
        if (!result.hasFieldErrors("email") && !result.hasFieldErrors("password")) {
            registration.problems(form.email(), form.password()).forEach(e -> FormErrors.refused(e, result));
        }
        if (result.hasErrors()) {
            return "partner/register";
        }
        try {
            registration.register(form.email(), form.password());
        } catch (BadRequestException e) {
            FormErrors.refused(e, result);
            return "partner/register";
        }
        return "redirect:/register/sent";
    }

    @GetMapping("/register/sent")
    String sent() {
        return "partner/register-sent";
    }

    @GetMapping("/register/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        if (registration.confirm(token).isPresent()) {
            return "redirect:/login?confirmed";
        }
        model.addAttribute("what", "confirmation");
        return "partner/link-invalid";
    }

    @GetMapping("/register/email")
    String confirmEmail(@RequestParam(defaultValue = "") String token, Model model) {
        if (registration.confirmEmailChange(token).isPresent()) {
            return "redirect:/login?emailChanged";
        }
        model.addAttribute("what", "addressChange");
        return "partner/link-invalid";
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "partner/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email) {
        reset.request(email);
        return "redirect:/password/forgot?sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!reset.usable(token)) {
            model.addAttribute("what", "passwordReset");
            return "partner/link-invalid";
        }
        model.addAttribute("resetForm", new ResetForm(token, "", ""));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "partner/reset";
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute("resetForm") ResetForm form, BindingResult result, Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        AccountForms.sameTwice(form.password(), form.passwordAgain(), "passwordAgain", result);
        if (result.hasErrors()) {
            return "partner/reset";
        }
        try {
            if (reset.reset(form.token(), form.password()) == PasswordReset.Outcome.CHANGED) {
                return "redirect:/login?reset";
            }
        } catch (BadRequestException e) {
            FormErrors.refused(e, result);
            return "partner/reset";
        }
        model.addAttribute("what", "passwordReset");
        return "partner/link-invalid";
    }
}
