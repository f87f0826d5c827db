package app.ratelink.admin.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.admin.AdminPasswordReset;
import app.ratelink.partner.PasswordRules;
import app.ratelink.system.BadRequestException;

/** {@code /admin/password/forgot} and {@code /admin/password/reset}: a forgotten admin password, by mail. */
@Controller
class AdminPasswordResetController {

    private final AdminPasswordReset reset;
    private final AdminTexts texts;

    AdminPasswordResetController(AdminPasswordReset reset, AdminTexts texts) {
        this.reset = reset;
        this.texts = texts;
    }

    record ResetForm(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password,
                     @NotBlank @Size(max = 200) String passwordAgain) {
    }

    @GetMapping("/admin/password/forgot")
    String forgotForm() {
        return "admin/forgot";
    }

    @PostMapping("/admin/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Locale locale) {
        reset.request(email, locale);
        return "redirect:/admin/password/forgot?sent";
    }

    @GetMapping("/admin/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!reset.usable(token)) {
            return "admin/reset-invalid";
        }
        model.addAttribute("form", new ResetForm(token, "", ""));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "admin/reset";
    }

    @PostMapping("/admin/password/reset")
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult binding, Model model) {
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        if (!binding.hasErrors() && !form.password().equals(form.passwordAgain())) {
            binding.rejectValue("passwordAgain", "differ", texts.text("admins.password.differ"));
        }
        if (binding.hasErrors()) {
            return "admin/reset";
        }
        try {
            if (reset.reset(form.token(), form.password())) {
                return "redirect:/admin/login?reset";
            }
        } catch (BadRequestException e) {
            binding.rejectValue("password", "refused", texts.refusal(e));
            return "admin/reset";
        }
        return "admin/reset-invalid";
    }
}
