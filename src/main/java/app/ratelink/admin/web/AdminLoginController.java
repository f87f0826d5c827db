package app.ratelink.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import app.ratelink.admin.AdminPrincipal;
import app.ratelink.system.LoginThrottle;
import app.ratelink.system.LoginThrottledException;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;

/** The admin login: password first, then (for an admin with TOTP) the code page {@code /admin/login/code}. */
@Controller
class AdminLoginController {

    private final TwoFactor twoFactor;
    private final LoginThrottle throttle;
    private final AdminTexts texts;
    private final Clock clock;

    AdminLoginController(TwoFactor twoFactor, LoginThrottle throttle, AdminTexts texts, Clock clock) {
        this.twoFactor = twoFactor;
        this.throttle = throttle;
        this.texts = texts;
        this.clock = clock;
    }

    /** The code (or a recovery code) typed after the password. */
    record CodeForm(@NotBlank @Size(max = 32) String code) {
    }

    @GetMapping("/admin/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LoginThrottledException t) {
            model.addAttribute("failure", texts.text("admins.login.throttled", minutesOrSeconds(t.waitTime())));
        } else if (failure instanceof LockedException) {
            model.addAttribute("failure", texts.text("admins.login.disabled"));
        } else if (failure != null) {
            model.addAttribute("failure", texts.text("admins.login.wrong"));
        }
        return "admin/login";
    }

    @GetMapping("/admin/login/code")
    String codeForm(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        if (!admin.twoFactorEnabled()) {
            return "redirect:/admin";
        }
        model.addAttribute("form", new CodeForm(""));
        return "admin/login-code";
    }

    @PostMapping("/admin/login/code")
    String code(@AuthenticationPrincipal AdminPrincipal admin, @Valid @ModelAttribute("form") CodeForm form,
                BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!admin.twoFactorEnabled()) {
            return "redirect:/admin";
        }
        if (binding.hasErrors()) {
            model.addAttribute("codeError", texts.text("admins.twoFactor.wrongCode"));
            return "admin/login-code";
        }
        String subject = admin.twoFactorSubject();
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.wait(LoginThrottle.Realm.SECOND_FACTOR, subject, address);
        if (wait.isPresent()) {
            model.addAttribute("codeError", texts.text("admins.login.throttled", minutesOrSeconds(wait.get())));
            return "admin/login-code";
        }
        if (!twoFactor.verify(subject, form.code())) {
            throttle.failed(LoginThrottle.Realm.SECOND_FACTOR, subject, address);
            model.addAttribute("codeError", texts.text("admins.twoFactor.wrongCode"));
            return "admin/login-code";
        }
        throttle.succeeded(LoginThrottle.Realm.SECOND_FACTOR, subject);
        SecondFactor.grant(admin, clock.instant(), request, response);
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return "redirect:" + (saved != null && saved.getRedirectUrl().contains("/admin") ? saved.getRedirectUrl() : "/admin");
    }

    private String minutesOrSeconds(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return seconds >= 120 ? texts.text("admins.login.minutes", (seconds + 59) / 60)
                : texts.text("admins.login.seconds", seconds);
    }
}
