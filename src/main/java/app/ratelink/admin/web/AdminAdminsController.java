package app.ratelink.admin.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.Refusal;
import app.ratelink.twofactor.TwoFactor;

/**
 * {@code /admin/admins} (the owner's): the administrators with their roles; add one (form fields
 * {@code email}, {@code role}; its first password appears once in {@code #admin-password}), change a role,
 * disable and enable, and require two-factor login of every admin.
 */
@Controller
class AdminAdminsController {

    private final AdminAccounts accounts;
    private final TwoFactor twoFactor;
    private final AdminTexts texts;

    AdminAdminsController(AdminAccounts accounts, TwoFactor twoFactor, AdminTexts texts) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.texts = texts;
    }

    record NewAdminForm(@NotBlank @Email @Size(max = 254) String email,
                        @NotBlank @Pattern(regexp = "owner|operator|support") String role) {
    }

    record Row(long id, String email, String role, boolean disabled, boolean mustChangePassword, boolean twoFactor) {
    }

    @GetMapping("/admin/admins")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAdminForm("", "operator"));
        }
        return render(model);
    }

    @PostMapping("/admin/admins")
    String add(@Valid @ModelAttribute("form") NewAdminForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                AdminAccounts.NewAdmin added = accounts.add(form.email(), AdminRole.of(form.role()).orElseThrow());
                redirect.addFlashAttribute("newAdmin", added.admin().email());
                redirect.addFlashAttribute("newPassword", added.password());
                return "redirect:/admin/admins";
            } catch (BadRequestException e) {
                binding.rejectValue("email", "refused", texts.refusal(e));
            }
        }
        return render(model);
    }

    @PostMapping("/admin/admins/{id}/role")
    String role(@PathVariable long id, @RequestParam String role, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.changeRole(id, AdminRole.of(role)
                .orElseThrow(() -> new BadRequestException("role", Refusal.of("admins.error.role", "Unknown role.")))), "admins.saved.role");
    }

    @PostMapping("/admin/admins/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.setDisabled(id, true), "admins.saved.disabled");
    }

    @PostMapping("/admin/admins/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.setDisabled(id, false), "admins.saved.enabled");
    }

    @PostMapping("/admin/admins/two-factor")
    String requireTwoFactor(@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.requireTwoFactor(required), "admins.saved.policy");
    }

    private String change(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("message", texts.text(done));
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("error", texts.refusal(e));
        }
        return "redirect:/admin/admins";
    }

    private String render(Model model) {
        model.addAttribute("admins", accounts.all().stream().map(a -> new Row(a.id(), a.email(), a.role().code(),
                a.disabled(), a.mustChangePassword(), twoFactor.enabled("admin:" + a.id()))).toList());
        model.addAttribute("roles", java.util.Arrays.stream(AdminRole.values()).map(AdminRole::code).toList());
        model.addAttribute("twoFactorRequired", accounts.twoFactorRequired());
        return "admin/admins";
    }
}
