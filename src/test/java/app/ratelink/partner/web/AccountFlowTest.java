package app.ratelink.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The partner account flows end to end over real HTTP, with mail delivered by SMTP to GreenMail. Its own
 * application context (SMTP configured), so its failed logins never throttle other tests.
 */
class AccountFlowTest extends IntegrationTest {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern KEY = Pattern.compile("id=\"api-key\"[^>]*>([0-9a-f]+)<");
    private static final Pattern LINK = Pattern.compile("(http://\\S+token=[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "a long enough secret";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        if (!MAIL.isRunning()) {
            MAIL.start();
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    /** An endpoint that only a valid API key opens: stands in for the partner API in these tests. */
    @TestConfiguration
    static class KeyCheck {
        @Bean
        KeyCheckController keyCheckController(ApiKeys keys) {
            return new KeyCheckController(keys);
        }
    }

    @RestController
    static class KeyCheckController {
        private final ApiKeys keys;

        KeyCheckController(ApiKeys keys) {
            this.keys = keys;
        }

        @GetMapping("/test/api-key")
        ResponseEntity<String> check(@RequestParam(name = "api_key", required = false) String key) {
            return keys.authenticate(key).map(id -> ResponseEntity.ok("partner:" + id))
                    .orElseGet(() -> ResponseEntity.status(401).body("REST API key error"));
        }
    }

    @Autowired
    Partners partners;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    Settings settings;

    @BeforeEach
    void forgetFailedLogins() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    // --- the whole way: register, confirm, log in, link, key, revoke ---

    @Test
    void registerConfirmLoginCreateKeyUseItAndRevokeIt() {
        String email = PartnerFixtures.uniqueEmail("flow");
        TestHttp browser = http();
        assertThat(browser.get("/register").statusCode()).isEqualTo(200);
        HttpResponse<String> registered = browser.postForm("/register",
                Map.of("email", email, "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(browser.follow(registered).body()).contains("Check your mail");
        assertThat(partners.byEmail(email)).hasValueSatisfying(p -> assertThat(p.confirmed()).isFalse());

        String confirmLink = linkIn(mailTo(email, "Confirm your Ratelink partner account"));
        assertThat(confirmLink).contains("/register/confirm?token=");
        HttpResponse<String> confirmed = browser.get(path(confirmLink));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/login?confirmed");
        assertThat(partners.byEmail(email).orElseThrow().confirmed()).isTrue();
        // The confirmation link is used up.
        assertThat(browser.get(path(confirmLink)).body()).contains("id=\"link-invalid\"");

        login(browser, email, PASSWORD);
        Partner partner = partners.byEmail(email).orElseThrow();
        HttpResponse<String> program = browser.get("/account/partner");
        assertThat(program.statusCode()).isEqualTo(200);
        assertThat(program.body()).contains("Partnership program").contains(partners.link(partner))
                .contains("/ref/" + partner.code() + "/").contains("id=\"link-builder\"");

        String key = createKey(browser);
        HttpResponse<String> used = http().get("/test/api-key?api_key=" + key);
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(used.body()).isEqualTo("partner:" + partner.id());
        // And the real partner API of the seed takes it.
        String api = "/service/partner/api.php?api_action=pp&method=get_links&api_key=";
        assertThat(http().get(api + key).body()).contains("\"status\":\"success\"");
        HttpResponse<String> listed = browser.get("/account/api");
        assertThat(listed.body()).doesNotContain(key).contains(key.substring(0, 12)).doesNotContain(">never<");

        long keyId = jdbc.sql("SELECT id FROM api_keys WHERE prefix = :p").param("p", key.substring(0, 12))
                .query(Long.class).single();
        HttpResponse<String> asked = browser.postForm("/account/api/" + keyId + "/revoke", Map.of());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-form\"").contains("name=\"confirm\" value=\"1\"")
                .contains("name=\"_csrf\"").contains(key.substring(0, 12));
        assertThat(http().get("/test/api-key?api_key=" + key).statusCode()).as("not revoked before confirmed").isEqualTo(200);
        HttpResponse<String> revoked = browser.postForm("/account/api/" + keyId + "/revoke", Map.of("confirm", "1"));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(browser.follow(revoked).body()).contains("revoked");
        assertThat(http().get("/test/api-key?api_key=" + key).statusCode()).isEqualTo(401);
        assertThat(http().get(api + key).body()).contains("REST API key error");

        HttpResponse<String> out = browser.postForm("/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/account/partner").statusCode()).isEqualTo(302);
    }

    @Test
    void registrationRefusesWeakPasswordsAndDoesNotRevealTakenAddresses() {
        TestHttp browser = http();
        browser.get("/register");
        String email = PartnerFixtures.uniqueEmail("weak");
        HttpResponse<String> weak = browser.postForm("/register",
                Map.of("email", email, "password", "short", "passwordAgain", "short"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("id=\"password-error\"").contains("at least 10");
        HttpResponse<String> common = browser.postForm("/register",
                Map.of("email", email, "password", "password123", "passwordAgain", "password123"));
        assertThat(common.body()).contains("too easy to guess");
        HttpResponse<String> differ = browser.postForm("/register",
                Map.of("email", email, "password", PASSWORD, "passwordAgain", PASSWORD + "x"));
        assertThat(differ.body()).contains("id=\"passwordAgain-error\"");
        HttpResponse<String> badEmail = browser.postForm("/register",
                Map.of("email", "not-an-address", "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(badEmail.body()).contains("id=\"email-error\"");
        assertThat(partners.byEmail(email)).isEmpty();

        // An address with an account: the same answer as a new one; its owner is told by mail instead.
        Partner existing = PartnerFixtures.partner(partners);
        HttpResponse<String> taken = browser.postForm("/register",
                Map.of("email", existing.email(), "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/register/sent");
        assertThat(mailTo(existing.email(), "Your Ratelink partner account")).contains("has one already");
    }

    @Test
    void theFormsCannotFloodAMailbox() throws InterruptedException {
        Partner victim = PartnerFixtures.partner(partners);
        TestHttp robot = http();
        robot.get("/password/forgot");
        for (int i = 0; i < 10; i++) {
            robot.postForm("/password/forgot", Map.of("email", victim.email()));
        }
        mailTo(victim.email(), "Reset your Ratelink password");
        Thread.sleep(1500);
        long received = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> sentTo(m, victim.email())).count();
        assertThat(received).isEqualTo(6);
    }

    // --- refused logins ---

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
        Partner partner = PartnerFixtures.partner(partners);
        String wrong = failedLoginMessage(http(), partner.email(), "not the password at all");
        String unknown = failedLoginMessage(http(), PartnerFixtures.uniqueEmail("nobody"), "not the password at all");
        assertThat(wrong).isEqualTo(unknown).isEqualTo("Wrong e-mail or password.");
    }

    @Test
    void unconfirmedAccountCannotLogIn() {
        String email = PartnerFixtures.uniqueEmail("unconfirmed");
        TestHttp browser = http();
        browser.get("/register");
        browser.postForm("/register", Map.of("email", email, "password", PASSWORD, "passwordAgain", PASSWORD));
        // Only with the right password does it say why; a wrong one gets the usual answer.
        assertThat(failedLoginMessage(http(), email, "some wrong password")).isEqualTo("Wrong e-mail or password.");
        assertThat(failedLoginMessage(http(), email, PASSWORD)).contains("Confirm your e-mail address first");
        assertThat(http().get("/account/partner").statusCode()).isEqualTo(302);
    }

    @Test
    void bannedPartnerCannotLogInNorUseItsKeyAndItsSessionEnds() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        String key = createKey(cabinet);
        assertThat(http().get("/test/api-key?api_key=" + key).statusCode()).isEqualTo(200);

        TestHttp admin = admin();
        HttpResponse<String> detail = admin.get("/admin/partners/" + partner.id());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(partner.email()).contains("id=\"ban\"");
        HttpResponse<String> askedBan = admin.postForm("/admin/partners/" + partner.id() + "/ban", Map.of());
        assertThat(askedBan.statusCode()).isEqualTo(200);
        assertThat(askedBan.body()).contains("id=\"confirm-form\"").contains(partner.email());
        assertThat(admin.get("/admin/partners/" + partner.id()).body()).contains("id=\"ban\"");
        HttpResponse<String> banned = admin.postForm("/admin/partners/" + partner.id() + "/ban", Map.of("confirm", "1"));
        assertThat(banned.statusCode()).isEqualTo(302);
        assertThat(admin.follow(banned).body()).contains("id=\"partner-status\">banned<");

        assertThat(http().get("/test/api-key?api_key=" + key).statusCode()).isEqualTo(401);
        HttpResponse<String> ended = cabinet.get("/account/api");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(cabinet.get("/account/api").statusCode()).isEqualTo(302);
        assertThat(failedLoginMessage(http(), partner.email(), PartnerFixtures.PASSWORD)).contains("blocked");

        admin.get("/admin/partners/" + partner.id());
        admin.postForm("/admin/partners/" + partner.id() + "/unban", Map.of());
        assertThat(http().get("/test/api-key?api_key=" + key).statusCode()).isEqualTo(200);
        PartnerFixtures.login(http(), partner.email());
    }

    // --- throttling ---

    @Test
    void repeatedFailuresMakeTheAccountWaitLongerAndLonger() {
        Partner partner = PartnerFixtures.partner(partners);
        String unknown = PartnerFixtures.uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            assertThat(failedLoginMessage(http(), partner.email(), "wrong password " + i))
                    .isEqualTo("Wrong e-mail or password.");
            assertThat(failedLoginMessage(http(), unknown, "wrong password " + i))
                    .isEqualTo("Wrong e-mail or password.");
        }
        // Now even the right password waits; an unknown address is throttled the same way.
        String blocked = failedLoginMessage(http(), partner.email(), PartnerFixtures.PASSWORD);
        // The remaining wait is counted from the block: on a busy machine a second or more may have passed.
        assertThat(blocked).startsWith("Too many failed attempts. Wait ").containsPattern("\\b(2[5-9]|30) seconds");
        assertThat(failedLoginMessage(http(), unknown, "anything")).startsWith("Too many failed attempts. Wait ");

        // The wait is over: one more failure doubles it.
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL").update();
        failedLoginMessage(http(), partner.email(), "still wrong");
        assertThat(failedLoginMessage(http(), partner.email(), PartnerFixtures.PASSWORD))
                .containsPattern("\\b(5[5-9]|60) seconds");

        // Once it may try again, the right password works and clears the count.
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL").update();
        PartnerFixtures.login(http(), partner.email());
        assertThat(failedLoginMessage(http(), partner.email(), "wrong once more")).isEqualTo("Wrong e-mail or password.");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottled() {
        Partner partner = PartnerFixtures.partner(partners);
        String guesser = "203.0.113.77";
        // This test's requests come through a proxy on loopback (trusted only when configured so).
        String trusted = settings.get(Setting.TRUSTED_PROXIES);
        settings.update(Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1,::1"));
        try {
            for (int i = 0; i < 20; i++) {
                failedLoginMessage(http().withHeader("X-Forwarded-For", guesser), PartnerFixtures.uniqueEmail("g" + i), "guess");
            }
            assertThat(failedLoginMessage(http().withHeader("X-Forwarded-For", guesser), partner.email(),
                    PartnerFixtures.PASSWORD)).startsWith("Too many failed attempts");
            PartnerFixtures.login(http().withHeader("X-Forwarded-For", "203.0.113.78"), partner.email());
        } finally {
            settings.update(Map.of(Setting.TRUSTED_PROXIES, trusted));
        }
    }

    // --- password reset ---

    @Test
    void passwordResetByMailedOneTimeLink() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp other = PartnerFixtures.login(http(), partner.email());
        TestHttp browser = http();
        browser.get("/password/forgot");
        HttpResponse<String> asked = browser.postForm("/password/forgot", Map.of("email", partner.email().toUpperCase()));
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/password/forgot?sent");
        String link = linkIn(mailTo(partner.email(), "Reset your Ratelink password"));
        assertThat(link).contains("/password/reset?token=");

        HttpResponse<String> form = browser.get(path(link));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"reset-form\"");
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> weak = browser.postForm("/password/reset",
                Map.of("token", token, "password", "short", "passwordAgain", "short"));
        assertThat(weak.body()).contains("id=\"password-error\"");
        String fresh = "a brand new passphrase";
        HttpResponse<String> reset = browser.postForm("/password/reset",
                Map.of("token", token, "password", fresh, "passwordAgain", fresh));
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/login?reset");

        // Used once: the same link is dead, the old password too, and other sessions ended.
        assertThat(browser.get(path(link)).body()).contains("id=\"link-invalid\"");
        HttpResponse<String> reused = browser.postForm("/password/reset",
                Map.of("token", token, "password", "another passphrase!", "passwordAgain", "another passphrase!"));
        assertThat(reused.body()).contains("id=\"link-invalid\"");
        assertThat(failedLoginMessage(http(), partner.email(), PartnerFixtures.PASSWORD)).isEqualTo("Wrong e-mail or password.");
        assertThat(other.get("/account/partner").statusCode()).isEqualTo(302);
        PartnerFixtures.login(http(), partner.email(), fresh);
    }

    @Test
    void expiredResetLinkIsRefused() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp browser = http();
        browser.get("/password/forgot");
        browser.postForm("/password/forgot", Map.of("email", partner.email()));
        String link = linkIn(mailTo(partner.email(), "Reset your Ratelink password"));
        jdbc.sql("UPDATE partner_tokens SET expires_at = created_at WHERE partner_id = :id AND purpose = 'reset'")
                .param("id", partner.id()).update();
        assertThat(browser.get(path(link)).body()).contains("id=\"link-invalid\"").contains("expired");
        String token = link.substring(link.indexOf("token=") + 6);
        browser.get("/password/forgot");
        HttpResponse<String> late = browser.postForm("/password/reset",
                Map.of("token", token, "password", "a brand new passphrase", "passwordAgain", "a brand new passphrase"));
        assertThat(late.body()).contains("id=\"link-invalid\"");
        PartnerFixtures.login(http(), partner.email());
    }

    @Test
    void resetForAnUnknownAddressAnswersTheSameAndSendsNothing() {
        String nobody = PartnerFixtures.uniqueEmail("nobody");
        TestHttp browser = http();
        browser.get("/password/forgot");
        HttpResponse<String> asked = browser.postForm("/password/forgot", Map.of("email", nobody));
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/password/forgot?sent");
        assertThat(browser.follow(asked).body()).contains("id=\"reset-sent\"");
        assertThat(browser.get("/password/reset?token=made-up-token-made-up-token").body()).contains("id=\"link-invalid\"");
        assertThat(outbox.to(nobody)).isEmpty();
    }

    // --- request forgery, sessions, cookies ---

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        Partner partner = PartnerFixtures.partner(partners);
        assertThat(http().postFormRaw("/login", Map.of("email", partner.email(), "password", PartnerFixtures.PASSWORD))
                .statusCode()).isEqualTo(403);
        assertThat(http().postFormRaw("/register", Map.of("email", PartnerFixtures.uniqueEmail("x"),
                "password", PASSWORD, "passwordAgain", PASSWORD)).statusCode()).isEqualTo(403);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        assertThat(cabinet.postFormRaw("/account/api", Map.of()).statusCode()).isEqualTo(403);
        assertThat(cabinet.postFormRaw("/account/profile/password", Map.of("currentPassword", PartnerFixtures.PASSWORD,
                "newPassword", "x1234567890", "newPasswordAgain", "x1234567890")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE partner_id = :id").param("id", partner.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void loginGivesANewSessionIdWithSafeCookieFlags() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp browser = http();
        HttpResponse<String> page = browser.get("/login");
        String before = sessionId(browser).orElseThrow();
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        HttpResponse<String> login = browser.postForm("/login",
                Map.of("email", partner.email(), "password", PartnerFixtures.PASSWORD));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(sessionId(browser).orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void anOldPasswordHashIsUpgradedOnLogin() {
        Partner partner = PartnerFixtures.partner(partners);
        // As if moved from another script with a weaker scheme.
        jdbc.sql("UPDATE partners SET password_hash = :h WHERE id = :id")
                .param("h", "{noop}" + PartnerFixtures.PASSWORD).param("id", partner.id()).update();
        PartnerFixtures.login(http(), partner.email());
        String hash = jdbc.sql("SELECT password_hash FROM partners WHERE id = :id").param("id", partner.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        PartnerFixtures.login(http(), partner.email());
    }

    // --- keys belong to their partner ---

    @Test
    void partnerCannotSeeOrRevokeAnotherPartnersKeys() {
        Partner a = PartnerFixtures.partner(partners);
        Partner b = PartnerFixtures.partner(partners);
        TestHttp cabinetA = PartnerFixtures.login(http(), a.email());
        TestHttp cabinetB = PartnerFixtures.login(http(), b.email());
        String keyB = createKey(cabinetB);
        long keyIdB = jdbc.sql("SELECT id FROM api_keys WHERE prefix = :p").param("p", keyB.substring(0, 12))
                .query(Long.class).single();

        HttpResponse<String> pageA = cabinetA.get("/account/api");
        assertThat(pageA.body()).doesNotContain(keyB.substring(0, 12)).doesNotContain("data-key-id=\"" + keyIdB + "\"");
        HttpResponse<String> revokeByA = cabinetA.postForm("/account/api/" + keyIdB + "/revoke", Map.of());
        assertThat(revokeByA.statusCode()).isEqualTo(404);
        assertThat(http().get("/test/api-key?api_key=" + keyB).body()).isEqualTo("partner:" + b.id());
        assertThat(cabinetB.get("/account/api").body()).contains(keyB.substring(0, 12));
    }

    // --- profile ---

    @Test
    void profileChangesPasswordAndEmail() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp elsewhere = PartnerFixtures.login(http(), partner.email());
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        assertThat(cabinet.get("/account/profile").body()).contains("id=\"profile-email\">" + partner.email() + "<");

        HttpResponse<String> wrongCurrent = cabinet.postForm("/account/profile/password", Map.of("currentPassword", "nope",
                "newPassword", "another good secret", "newPasswordAgain", "another good secret"));
        assertThat(wrongCurrent.body()).contains("id=\"currentPassword-error\"");
        HttpResponse<String> changed = cabinet.postForm("/account/profile/password", Map.of(
                "currentPassword", PartnerFixtures.PASSWORD,
                "newPassword", "another good secret", "newPasswordAgain", "another good secret"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(cabinet.follow(changed).body()).contains("Your password was changed.");
        // This session goes on; the other one ended.
        assertThat(cabinet.get("/account/api").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/account/api").statusCode()).isEqualTo(302);

        String newEmail = PartnerFixtures.uniqueEmail("moved");
        cabinet.get("/account/profile");
        HttpResponse<String> asked = cabinet.postForm("/account/profile/email",
                Map.of("currentPassword", "another good secret", "newEmail", newEmail));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(partners.byId(partner.id()).orElseThrow().email()).isEqualTo(partner.email());
        String link = linkIn(mailTo(newEmail, "Confirm your new e-mail address for Ratelink"));
        HttpResponse<String> confirmed = http().get(path(link));
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/login?emailChanged");
        assertThat(partners.byId(partner.id()).orElseThrow().email()).isEqualTo(newEmail);
        assertThat(mailTo(partner.email(), "Your Ratelink e-mail address was changed")).contains(newEmail);
        PartnerFixtures.login(http(), newEmail, "another good secret");
    }

    // --- admin ---

    @Test
    void adminSearchesPartnersAndSetsPersonalRewardAndNotes() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp admin = admin();
        HttpResponse<String> list = admin.get("/admin/partners?q=" + partner.email().substring(0, 10));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(partner.email()).contains(partner.code());
        assertThat(admin.get("/admin/partners?q=" + partner.code()).body()).contains(partner.email());
        assertThat(admin.get("/admin/partners?q=no-such-partner-anywhere").body()).contains("No partners found");

        admin.get("/admin/partners/" + partner.id());
        Map<String, String> form = new LinkedHashMap<>(Map.of("rewardPercent", "150", "notes", "from exchangesumo"));
        HttpResponse<String> bad = admin.postForm("/admin/partners/" + partner.id(), form);
        assertThat(bad.body()).contains("id=\"rewardPercent-error\"");
        assertThat(partners.byId(partner.id()).orElseThrow().rewardPercent()).isNull();
        form.put("rewardPercent", "12.5");
        assertThat(admin.postForm("/admin/partners/" + partner.id(), form).statusCode()).isEqualTo(302);
        Partner saved = partners.byId(partner.id()).orElseThrow();
        assertThat(saved.rewardPercent()).isEqualByComparingTo("12.5");
        assertThat(saved.notes()).isEqualTo("from exchangesumo");
        assertThat(admin.get("/admin/partners/999999999").statusCode()).isEqualTo(404);
        assertThat(http().get("/admin/partners").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/outbox").body()).contains("Outbox");
    }

    // --- helpers ---

    private static void login(TestHttp browser, String email, String password) {
        PartnerFixtures.login(browser, email, password);
    }

    private static String createKey(TestHttp cabinet) {
        cabinet.get("/account/api");
        HttpResponse<String> shown = cabinet.follow(cabinet.postForm("/account/api", Map.of()));
        Matcher m = KEY.matcher(shown.body());
        assertThat(m.find()).as("key on the page").isTrue();
        return m.group(1);
    }

    /** Posts a login that must fail and returns the message the login page shows. */
    private static String failedLoginMessage(TestHttp browser, String email, String password) {
        browser.get("/login");
        HttpResponse<String> r = browser.postForm("/login", Map.of("email", email, "password", password));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        String page = browser.follow(r).body();
        Matcher m = Pattern.compile("id=\"login-error\">([^<]*)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1).replace("&#39;", "'");
    }

    private static Optional<String> sessionId(TestHttp browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    /** Waits for the newest mail with that subject to that address (mail leaves in the background). */
    private static String mailTo(String recipient, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MimeMessage> found = Arrays.stream(MAIL.getReceivedMessages())
                    .filter(m -> sentTo(m, recipient) && subject.equals(subjectOf(m)))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return GreenMailUtil.getBody(found.get()).replace("=\r\n", "").replace("=3D", "=");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail '" + subject + "' to " + recipient);
    }

    private static boolean sentTo(MimeMessage m, String recipient) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String linkIn(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static String path(String link) {
        return link.substring(link.indexOf('/', "http://".length()));
    }
}
