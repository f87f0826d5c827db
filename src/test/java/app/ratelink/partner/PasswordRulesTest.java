package app.ratelink.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void lengthDecidesNotComposition() {
        assertThat(PasswordRules.problem("correct horse battery", "a@b.c")).isEmpty();
        assertThat(PasswordRules.problem("alllowercaseletters", "a@b.c")).isEmpty();
        assertThat(PasswordRules.problem("Sh0rt!", "a@b.c")).hasValueSatisfying(p -> assertThat(p.text()).contains("10"));
        assertThat(PasswordRules.problem(null, "a@b.c")).isPresent();
    }

    @Test
    void easyGuessesAreRefused() {
        assertThat(PasswordRules.problem("password123", "a@b.c")).isPresent();
        assertThat(PasswordRules.problem("QWERTYUIOP", "a@b.c")).isPresent();
        assertThat(PasswordRules.problem("aaaaaaaaaaaa", "a@b.c")).isPresent();
        assertThat(PasswordRules.problem("abababababab", "a@b.c")).isPresent();
        assertThat(PasswordRules.problem("johnsmith-2024", "JohnSmith@example.com")).isPresent();
    }

    @Test
    void bcryptLimitIsRespected() {
        assertThat(PasswordRules.problem("x".repeat(30) + "yzw" + "v".repeat(39), "a@b.c")).isEmpty();
        assertThat(PasswordRules.problem("x".repeat(30) + "yzw" + "v".repeat(40), "a@b.c")).isPresent();
        // 25 Cyrillic letters are 50 bytes: fine; 40 are 80 bytes: too long for bcrypt.
        assertThat(PasswordRules.problem("абвгдеёжзийклмнопрстуфхцч", "a@b.c")).isEmpty();
        assertThat(PasswordRules.problem("абвгдеёжзийклмнопрстуфхцчшщъыьэюяабвгдеё", "a@b.c")).isPresent();
    }
}
