package app.ratelink.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Account formats are matched by a linear-time engine: a pattern that makes a backtracking engine run for
 * seconds on one short account answers at once, and patterns RE2 cannot run are refused when saved.
 */
class AccountPatternTest {

    private static Currency withPattern(String pattern) {
        return new Currency(1, "PMUSD", "PM", "USD", 2, BigDecimal.ONE, BigDecimal.ONE, true, false, BigDecimal.ZERO,
                "", pattern, List.of());
    }

    @Test
    void formatsMatchTheWholeAccountAsBefore() {
        Currency pm = withPattern("^U\\d{7,8}$");
        assertThat(pm.acceptsAccount("U1234567")).isTrue();
        assertThat(pm.acceptsAccount(" U12345678 ")).isTrue();
        assertThat(pm.acceptsAccount("U123")).isFalse();
        assertThat(withPattern("[a-z]+").acceptsAccount("abc1")).as("the whole account, not a part").isFalse();
        assertThat(withPattern("").acceptsAccount("anything")).isTrue();
    }

    @Test
    void aCatastrophicPatternAnswersAtOnce() throws Exception {
        // java.util.regex: 8.5 s of CPU for this on one anonymous order (and doubling with each further 'a').
        Currency evil = withPattern("^(.*a){12}$");
        String account = "a".repeat(28) + "!";
        CompletableFuture<Boolean> matched = CompletableFuture.supplyAsync(() -> evil.acceptsAccount(account));
        assertThat(matched.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(evil.acceptsAccount("a".repeat(12))).isTrue();
    }

    @Test
    void patternsRe2CannotRunAreRefusedWhenSaved() {
        assertThat(AccountPattern.compile("^(a)\\1$")).isEmpty();
        assertThat(AccountPattern.compile("^(?=U)U\\d+$")).isEmpty();
        assertThat(AccountPattern.compile("^U\\d{7,8}$")).isPresent();
        assertThat(withPattern("^(a)\\1$").acceptsAccount("aa")).as("never matched if stored before").isFalse();
    }
}
