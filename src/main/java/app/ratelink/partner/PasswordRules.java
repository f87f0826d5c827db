package app.ratelink.partner;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import app.ratelink.system.Refusal;

/**
 * Password strength, after NIST SP 800-63B: length matters, composition rules do not. At least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes (bcrypt ignores the rest), not a
 * well-known password, not built from the e-mail address, not one or two characters repeated.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of("password12", "password123", "password1234", "1234567890",
            "12345678910", "qwertyuiop", "qwerty1234", "qwerty12345", "1q2w3e4r5t", "1qaz2wsx3edc", "iloveyou12",
            "abcdefghij", "abc1234567", "0987654321", "passw0rd12", "letmein123", "welcome123", "admin12345",
            "asdfghjkl1", "zaq12wsxcde", "qazwsxedcr", "princess12", "football12", "monkey1234", "dragon1234");

    private PasswordRules() {
    }

    /** What is wrong with the password, in words for the person choosing it; empty when it is acceptable. */
    public static Optional<Refusal> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Refusal.of("cabinet.refusal.password.short", "Use at least " + MIN_LENGTH + " characters.",
                    MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Refusal.of("cabinet.refusal.password.long", "Use at most " + MAX_BYTES + " bytes (about "
                    + MAX_BYTES + " Latin characters).", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of(Refusal.of("cabinet.refusal.password.common", "This password is too easy to guess."));
        }
        String local = email == null ? "" : email.trim().toLowerCase(Locale.ROOT).replaceAll("@.*", "");
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of(Refusal.of("cabinet.refusal.password.email",
                    "Do not build the password from your e-mail address."));
        }
        return Optional.empty();
    }
}
