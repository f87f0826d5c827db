package app.ratelink.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.LoginThrottle;
import app.ratelink.system.LoginThrottledException;
import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;
import app.ratelink.testing.MutableClock;

/** Accounts, tokens, throttling and the login check against a real database, on H2 and PostgreSQL. */
class PartnerAccountsTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();


    final MutableClock clock = new MutableClock(T0);

    Partners partners(Engine engine) {
        return new Partners(engine.jdbc(), ENCODER, SettingsFixtures.settings(engine, clock), clock);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void confirmedPartnersGetRandomShortUniqueCodes(Engine engine) {
        Partners partners = partners(engine);
        Partner first = partners.createConfirmed("  First@Example.COM ", "correct horse battery");
        assertThat(first.email()).isEqualTo("first@example.com");
        assertThat(first.confirmed()).isTrue();
        assertThat(first.banned()).isFalse();
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.code()).matches("[a-z2-9]{8}").doesNotContain(String.valueOf(first.id()));
        assertThat(partners.link(first)).isEqualTo("http://localhost:8080/ref/" + first.code() + "/");
        assertThat(partners.byCode(first.code())).contains(first);
        assertThat(partners.byEmail("FIRST@example.com")).contains(first);

        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            codes.add(partners.insert("p" + i + "@example.com", "{noop}x", true) > 0
                    ? partners.byEmail("p" + i + "@example.com").orElseThrow().code() : null);
        }
        assertThat(codes).hasSize(30);

        assertThatThrownBy(() -> partners.createConfirmed("first@example.com", "correct horse battery"))
                .isInstanceOf(EmailTakenException.class);
        assertThatThrownBy(() -> partners.createConfirmed("no-at-sign", "correct horse battery"))
                .isInstanceOf(BadRequestException.class).hasFieldOrPropertyWithValue("field", "email");
        assertThatThrownBy(() -> partners.createConfirmed("x@example.com", "short"))
                .isInstanceOf(BadRequestException.class).hasFieldOrPropertyWithValue("field", "password");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void tokensWorkOnceForTheirPurposeUntilTheyExpire(Engine engine) {
        long id = partners(engine).createConfirmed("t@example.com", "correct horse battery").id();
        PartnerTokens tokens = new PartnerTokens(engine.jdbc(), clock);
        String reset = tokens.issue(id, PartnerTokens.Purpose.RESET, null);
        assertThat(reset).hasSizeGreaterThanOrEqualTo(43);
        String stored = engine.jdbc().sql("SELECT token_hash FROM partner_tokens WHERE partner_id = :id")
                .param("id", id).query(String.class).single();
        assertThat(stored).isNotEqualTo(reset);

        assertThat(tokens.use(reset, PartnerTokens.Purpose.CONFIRM)).isEmpty();
        assertThat(tokens.usable(reset, PartnerTokens.Purpose.RESET)).isTrue();
        assertThat(tokens.use(reset, PartnerTokens.Purpose.RESET)).hasValueSatisfying(u -> {
            assertThat(u.partnerId()).isEqualTo(id);
            assertThat(u.issuedAt()).isEqualTo(T0);
        });
        assertThat(tokens.use(reset, PartnerTokens.Purpose.RESET)).isEmpty();

        String late = tokens.issue(id, PartnerTokens.Purpose.RESET, null);
        clock.advance(PartnerTokens.Purpose.RESET.lifetime.plusSeconds(1));
        assertThat(tokens.usable(late, PartnerTokens.Purpose.RESET)).isFalse();
        assertThat(tokens.use(late, PartnerTokens.Purpose.RESET)).isEmpty();

        String email = tokens.issue(id, PartnerTokens.Purpose.EMAIL, "new@example.com");
        assertThat(tokens.use(email, PartnerTokens.Purpose.EMAIL)).hasValueSatisfying(
                u -> assertThat(u.newEmail()).isEqualTo("new@example.com"));
        for (String garbage : new String[] {null, "", "short", "x".repeat(500)}) {
            assertThat(tokens.use(garbage, PartnerTokens.Purpose.RESET)).isEmpty();
        }
        clock.advance(Duration.ofDays(32));
        tokens.forgetOld();
        assertThat(engine.jdbc().sql("SELECT COUNT(*) FROM partner_tokens").query(Integer.class).single()).isZero();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void throttleWaitsGrowAndAreForgotten(Engine engine) {
        LoginThrottle throttle = new LoginThrottle(engine.jdbc(), clock);
        for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT - 1; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        assertThat(throttle.wait("A@example.com", "10.0.0.2")).isEmpty();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.wait("a@example.com", "10.0.0.2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.wait("b@example.com", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.wait("a@example.com", "10.0.0.2")).isEmpty();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.wait("a@example.com", "10.0.0.2")).contains(Duration.ofSeconds(60));

        // Long quiet: the count starts again.
        clock.advance(LoginThrottle.MEMORY.plusMinutes(5));
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.wait("a@example.com", "10.0.0.2")).isEmpty();
        throttle.succeeded("a@example.com");
        assertThat(engine.jdbc().sql("SELECT COUNT(*) FROM login_throttle WHERE subject = 'account:a@example.com'")
                .query(Integer.class).single()).isZero();

        // The address has its own, larger allowance.
        for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.9");
        }
        assertThat(throttle.wait("fresh@example.com", "10.0.0.9")).isPresent();
        assertThat(throttle.wait("fresh@example.com", "10.0.0.8")).isEmpty();
        clock.advance(Duration.ofDays(2));
        throttle.forgetOld();
        assertThat(engine.jdbc().sql("SELECT COUNT(*) FROM login_throttle").query(Integer.class).single()).isZero();
    }

    @Test
    void waitDoublesUpToTheLongest() {
        assertThat(LoginThrottle.waitAfter(4, 5)).isZero();
        assertThat(LoginThrottle.waitAfter(5, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.waitAfter(6, 5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.waitAfter(8, 5)).isEqualTo(Duration.ofSeconds(240));
        assertThat(LoginThrottle.waitAfter(500, 5)).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void loginChecksPasswordBeforeTellingAnythingAndUpgradesOldHashes(Engine engine) {
        Partners partners = partners(engine);
        PartnerLogin login = new PartnerLogin(engine.jdbc(), ENCODER, new LoginThrottle(engine.jdbc(), clock), clock);
        Partner ok = partners.createConfirmed("ok@example.com", "correct horse battery");
        Authentication auth = login.login("OK@example.com ", "correct horse battery", "10.0.0.1");
        assertThat(auth.getPrincipal()).isInstanceOf(PartnerAccount.class);
        assertThat(((PartnerAccount) auth.getPrincipal()).partnerId()).isEqualTo(ok.id());
        assertThat(auth.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PARTNER");

        assertThatThrownBy(() -> login.login("ok@example.com", "wrong password!", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.login("nobody@example.com", "wrong password!", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);

        long unconfirmed = partners.insert("new@example.com", ENCODER.encode("correct horse battery"), false);
        assertThatThrownBy(() -> login.login("new@example.com", "wrong password!", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.login("new@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(DisabledException.class);
        engine.jdbc().sql("UPDATE partners SET confirmed = TRUE, banned = TRUE WHERE id = :id")
                .param("id", unconfirmed).update();
        assertThatThrownBy(() -> login.login("new@example.com", "wrong password!", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.login("new@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(LockedException.class);

        engine.jdbc().sql("UPDATE partners SET password_hash = '{noop}correct horse battery' WHERE id = :id")
                .param("id", ok.id()).update();
        login.login("ok@example.com", "correct horse battery", "10.0.0.1");
        assertThat(engine.jdbc().sql("SELECT password_hash FROM partners WHERE id = :id").param("id", ok.id())
                .query(String.class).single()).startsWith("{bcrypt}");
        // A hash without a scheme prefix (a raw import) never matches and never errors.
        engine.jdbc().sql("UPDATE partners SET password_hash = 'plain' WHERE id = :id").param("id", ok.id()).update();
        assertThatThrownBy(() -> login.login("ok@example.com", "plain", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);
    }
}
