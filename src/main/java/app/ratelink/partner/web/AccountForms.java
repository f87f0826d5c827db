package app.ratelink.partner.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.ratelink.system.BadRequestException;

/**
 * The cabinet's forms as Spring MVC binds them: what is missing is found by Bean Validation, the rest (a
 * taken address, a weak password) by the domain, whose refusal is put on its field; the page shows every
 * error at once, in the reader's language.
 */
final class AccountForms {

    private AccountForms() {
    }

    record RegisterForm(@NotBlank(message = "{cabinet.form.email.required}") @Size(max = 254) String email,
                        @NotBlank(message = "{cabinet.form.password.required}") String password,
                        String passwordAgain) {
        RegisterForm {
            email = email == null ? "" : email;
            password = password == null ? "" : password;
            passwordAgain = passwordAgain == null ? "" : passwordAgain;
        }
    }

    record ResetForm(String token, @NotBlank(message = "{cabinet.form.password.required}") String password,
                     String passwordAgain) {
        ResetForm {
            token = token == null ? "" : token;
            password = password == null ? "" : password;
            passwordAgain = passwordAgain == null ? "" : passwordAgain;
        }
    }

    record PasswordForm(@NotBlank(message = "{cabinet.form.currentPassword.required}") String currentPassword,
                        @NotBlank(message = "{cabinet.form.password.required}") String newPassword,
                        String newPasswordAgain) {
        PasswordForm {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
            newPasswordAgain = newPasswordAgain == null ? "" : newPasswordAgain;
        }
    }

    record EmailForm(@NotBlank(message = "{cabinet.form.email.required}") @Size(max = 254) String newEmail,
                     @NotBlank(message = "{cabinet.form.currentPassword.required}") String currentPassword) {
        EmailForm {
            newEmail = newEmail == null ? "" : newEmail;
            currentPassword = currentPassword == null ? "" : currentPassword;
        }
    }

    /** The second password must repeat the first. */
    static void sameTwice(String first, String again, String againField, BindingResult result) {
        if (!first.isEmpty() && !first.equals(again)) {
            result.rejectValue(againField, "cabinet.refusal.passwordsDiffer", "The two passwords differ.");
        }
    }
}
