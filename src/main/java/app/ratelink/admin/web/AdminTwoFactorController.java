package app.ratelink.admin.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminPrincipal;
import app.ratelink.system.AuditTrail;
import app.ratelink.twofactor.QrCode;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;
import app.ratelink.twofactor.TwoFactorPages;

/**
 * {@code /admin/account/two-factor}: enrolment (QR code, the {@code otpauth://} URI in {@code #totp-uri},
 * confirmation with a {@code code}, ten recovery codes shown once) and switching it off again (with a code;
 * not while the owner requires two-factor).
 */
@Controller
class AdminTwoFactorController {

    private static final String PENDING = "ratelink.admin.totpEnrolment";

    private final TwoFactor twoFactor;
    private final AdminAccounts accounts;
    private final AuditTrail audit;
    private final AdminTexts texts;
    private final Clock clock;

    AdminTwoFactorController(TwoFactor twoFactor, AdminAccounts accounts, AuditTrail audit, AdminTexts texts,
                             Clock clock) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    record CodeForm(@NotBlank @Size(max = 32) String code) {
    }

    @ModelAttribute(TwoFactorPages.MODEL)
    TwoFactorPages twoFactorPages() {
        return TwoFactorPages.ADMIN;
    }

    @GetMapping("/admin/account/two-factor")
    String page(@AuthenticationPrincipal AdminPrincipal admin, HttpSession session, Model model) {
        model.addAttribute("form", new CodeForm(""));
        return render(admin, session, model);
    }

    /** The QR code of the enrolment in progress, as an image of this origin (no inline data, no script). */
    @GetMapping("/admin/account/two-factor/qr.svg")
    ResponseEntity<String> qr(HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof TwoFactor.Enrolment e)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore()).body(QrCode.svg(e.uri()));
    }

    @PostMapping("/admin/account/two-factor")
    String confirm(@AuthenticationPrincipal AdminPrincipal admin, @Valid @ModelAttribute("form") CodeForm form,
                   BindingResult binding, HttpSession session, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        if (!(session.getAttribute(PENDING) instanceof TwoFactor.Enrolment enrolment)) {
            return "redirect:/admin/account/two-factor";
        }
        Optional<List<String>> codes = binding.hasErrors() ? Optional.empty()
                : twoFactor.confirm(admin.twoFactorSubject(), enrolment, form.code());
        if (codes.isEmpty()) {
            binding.rejectValue("code", "wrong", texts.text("admins.twoFactor.wrongCode"));
            return render(admin, session, model);
        }
        session.removeAttribute(PENDING);
        audit.record("admin.twoFactor.enable", "admin " + admin.email(), java.util.Map.of("twoFactor", false),
                java.util.Map.of("twoFactor", true));
        // This session has just proved the factor: it keeps going without asking for a code again.
        SecondFactor.grant(admin.withTwoFactorEnabled(), clock.instant(), request, response);
        model.addAttribute("recoveryCodes", codes.get());
        return "twofactor/codes";
    }

    @PostMapping("/admin/account/two-factor/disable")
    String disable(@AuthenticationPrincipal AdminPrincipal admin, @Valid @ModelAttribute("form") CodeForm form,
                   BindingResult binding, HttpSession session, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (accounts.twoFactorRequired()) {
            redirect.addFlashAttribute("message", texts.text("admins.twoFactor.requiredByOwner"));
            return "redirect:/admin/account/two-factor";
        }
        if (binding.hasErrors() || !twoFactor.verify(admin.twoFactorSubject(), form.code())) {
            binding.rejectValue("code", "wrong", texts.text("admins.twoFactor.wrongCode"));
            return render(admin, session, model);
        }
        twoFactor.disable(admin.twoFactorSubject());
        audit.record("admin.twoFactor.disable", "admin " + admin.email(), java.util.Map.of("twoFactor", true),
                java.util.Map.of("twoFactor", false));
        SecondFactor.replacePrincipal(admin.withTwoFactorDisabled(), request, response);
        redirect.addFlashAttribute("message", texts.text("admins.twoFactor.disabled"));
        return "redirect:/admin/account/two-factor";
    }

    private String render(AdminPrincipal admin, HttpSession session, Model model) {
        boolean enabled = twoFactor.enabled(admin.twoFactorSubject());
        model.addAttribute("enabled", enabled);
        model.addAttribute("required", accounts.twoFactorRequired());
        if (enabled) {
            model.addAttribute("recoveryLeft", twoFactor.recoveryCodesLeft(admin.twoFactorSubject()));
        } else {
            TwoFactor.Enrolment enrolment = session.getAttribute(PENDING) instanceof TwoFactor.Enrolment e ? e
                    : twoFactor.start(admin.email());
            session.setAttribute(PENDING, enrolment);
            model.addAttribute("uri", enrolment.uri());
            model.addAttribute("secret", enrolment.secret());
        }
        return "twofactor/enrol";
    }
}
