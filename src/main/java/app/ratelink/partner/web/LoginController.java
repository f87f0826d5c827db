package app.ratelink.partner.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.system.LoginThrottledException;
import app.ratelink.partner.PasswordReset;
import app.ratelink.partner.PasswordRules;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Registration;
import app.ratelink.system.BadRequestException;

/** Log in, register, confirm the address, and reset a forgotten password. */
@Controller
class LoginController {

    private final Registration registration;
    private final PasswordReset reset;

    LoginController(Registration registration, PasswordReset reset) {
        this.registration = registration;
        this.reset = reset;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        if (Partners.currentPartnerId().isPresent()) {
            return "redirect:/account/partner";
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("failure", failure == null ? null : message(failure));
        model.addAttribute("unconfirmed", failure instanceof DisabledException);
        return "partner/login";
    }

    /** The same words whether the e-mail is unknown or the password wrong: no hint who has an account. */
    static String message(Object failure) {
        if (failure instanceof LoginThrottledException t) {
            long seconds = Math.max(1, t.waitTime().toSeconds() + (t.waitTime().toMillisPart() > 0 ? 1 : 0));
            return "Too many failed attempts. Wait " + (seconds >= 120 ? (seconds + 59) / 60 + " minutes"
                    : seconds + " seconds") + " and try again, or reset your password.";
        }
        if (failure instanceof DisabledException) {
            return "Confirm your e-mail address first: follow the link in the mail we sent you.";
        }
        if (failure instanceof LockedException) {
            return "This account is blocked. Contact the exchanger's support.";
        }
        return "Wrong e-mail or password.";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "partner/register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String passwordAgain, Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("email", email);
        if (!password.equals(passwordAgain)) {
            model.addAttribute("passwordAgainError", "The two passwords differ.");
            return "partner/register";
        }
        try {
            registration.register(email, password);
        } catch (BadRequestException e) {
            model.addAttribute(e.field() + "Error", e.getMessage());
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
        model.addAttribute("what", "address change");
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
            model.addAttribute("what", "password reset");
            return "partner/link-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "partner/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String passwordAgain, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        if (!password.equals(passwordAgain)) {
            model.addAttribute("passwordAgainError", "The two passwords differ.");
            return "partner/reset";
        }
        try {
            if (reset.reset(token, password) == PasswordReset.Outcome.CHANGED) {
                return "redirect:/login?reset";
            }
        } catch (BadRequestException e) {
            model.addAttribute("passwordError", e.getMessage());
            return "partner/reset";
        }
        model.addAttribute("what", "password reset");
        return "partner/link-invalid";
    }
}
