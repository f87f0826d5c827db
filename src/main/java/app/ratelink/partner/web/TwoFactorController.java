package app.ratelink.partner.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.partner.Partners;
import app.ratelink.system.LoginThrottle;
import app.ratelink.twofactor.QrCode;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;
import app.ratelink.twofactor.TwoFactorPages;
import app.ratelink.twofactor.TwoFactorAccount;

/**
 * The partner's two-factor login: {@code /account/two-factor} (enrolment with the QR code, the
 * {@code otpauth://} URI in {@code #totp-uri}, a {@code code} to confirm, ten recovery codes shown once;
 * switching it off with a code) and {@code /login/code}, the page after the password.
 */
@Controller
class TwoFactorController {

    private static final String PENDING = "ratelink.partner.totpEnrolment";

    private final TwoFactor twoFactor;
    private final Partners partners;
    private final LoginThrottle throttle;
    private final MessageSource messages;
    private final Clock clock;

    TwoFactorController(TwoFactor twoFactor, Partners partners, LoginThrottle throttle, MessageSource messages,
                        Clock clock) {
        this.twoFactor = twoFactor;
        this.partners = partners;
        this.throttle = throttle;
        this.messages = messages;
        this.clock = clock;
    }

    record CodeForm(@NotBlank @Size(max = 32) String code) {
    }

    @ModelAttribute(TwoFactorPages.MODEL)
    TwoFactorPages twoFactorPages() {
        return TwoFactorPages.PARTNER;
    }

    @GetMapping("/account/two-factor")
    String page(HttpSession session, Model model) {
        model.addAttribute("form", new CodeForm(""));
        return render(session, model);
    }

    @GetMapping("/account/two-factor/qr.svg")
    ResponseEntity<String> qr(HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof TwoFactor.Enrolment e)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore()).body(QrCode.svg(e.uri()));
    }

    @PostMapping("/account/two-factor")
    String confirm(@Valid @ModelAttribute("form") CodeForm form, BindingResult binding, HttpSession session,
                   HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (!(session.getAttribute(PENDING) instanceof TwoFactor.Enrolment enrolment)) {
            return "redirect:/account/two-factor";
        }
        Optional<List<String>> codes = binding.hasErrors() ? Optional.empty()
                : twoFactor.confirm(account().twoFactorSubject(), enrolment, form.code());
        if (codes.isEmpty()) {
            binding.rejectValue("code", "wrong", text("admins.twoFactor.wrongCode", locale));
            return render(session, model);
        }
        session.removeAttribute(PENDING);
        SecondFactor.grant(Partners.currentPrincipal(true), clock.instant(), request, response);
        model.addAttribute("recoveryCodes", codes.get());
        return "twofactor/codes";
    }

    @PostMapping("/account/two-factor/disable")
    String disable(@Valid @ModelAttribute("form") CodeForm form, BindingResult binding, HttpSession session,
                   HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                   RedirectAttributes redirect) {
        if (binding.hasErrors() || !twoFactor.verify(account().twoFactorSubject(), form.code())) {
            binding.rejectValue("code", "wrong", text("admins.twoFactor.wrongCode", locale));
            return render(session, model);
        }
        twoFactor.disable(account().twoFactorSubject());
        SecondFactor.replacePrincipal(Partners.currentPrincipal(false), request, response);
        redirect.addFlashAttribute("message", text("admins.twoFactor.disabled", locale));
        return "redirect:/account/two-factor";
    }

    @GetMapping("/login/code")
    String codeForm(Model model) {
        if (!account().twoFactorEnabled()) {
            return "redirect:/account/partner";
        }
        model.addAttribute("form", new CodeForm(""));
        return "partner/login-code";
    }

    @PostMapping("/login/code")
    String code(@Valid @ModelAttribute("form") CodeForm form, BindingResult binding, HttpServletRequest request,
                HttpServletResponse response, Model model, Locale locale) {
        TwoFactorAccount account = account();
        if (!account.twoFactorEnabled()) {
            return "redirect:/account/partner";
        }
        String subject = account.twoFactorSubject();
        Optional<Duration> wait = throttle.wait(LoginThrottle.Realm.SECOND_FACTOR, subject, request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            String time = seconds >= 120 ? messages.getMessage("admins.login.minutes", new Object[] {(seconds + 59) / 60}, locale)
                    : messages.getMessage("admins.login.seconds", new Object[] {seconds}, locale);
            model.addAttribute("codeError", messages.getMessage("admins.login.throttled", new Object[] {time}, locale));
            return "partner/login-code";
        }
        if (binding.hasErrors() || !twoFactor.verify(subject, form.code())) {
            throttle.failed(LoginThrottle.Realm.SECOND_FACTOR, subject, request.getRemoteAddr());
            model.addAttribute("codeError", text("admins.twoFactor.wrongCode", locale));
            return "partner/login-code";
        }
        throttle.succeeded(LoginThrottle.Realm.SECOND_FACTOR, subject);
        SecondFactor.grant(account, clock.instant(), request, response);
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return "redirect:" + (saved != null && saved.getRedirectUrl().contains("/account") ? saved.getRedirectUrl()
                : "/account/partner");
    }

    private String render(HttpSession session, Model model) {
        String subject = account().twoFactorSubject();
        boolean enabled = twoFactor.enabled(subject);
        model.addAttribute("enabled", enabled);
        if (enabled) {
            model.addAttribute("recoveryLeft", twoFactor.recoveryCodesLeft(subject));
        } else {
            TwoFactor.Enrolment enrolment = session.getAttribute(PENDING) instanceof TwoFactor.Enrolment e ? e
                    : twoFactor.start(partners.byId(Partners.currentPartnerId().orElseThrow()).orElseThrow().email());
            session.setAttribute(PENDING, enrolment);
            model.addAttribute("uri", enrolment.uri());
            model.addAttribute("secret", enrolment.secret());
        }
        return "twofactor/enrol";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static TwoFactorAccount account() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return (TwoFactorAccount) auth.getPrincipal();
    }
}
