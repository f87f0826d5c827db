package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.twofactor.TestTotp;

/**
 * Two-factor login of admins: enrolment with a code computed here from the URI's secret, login with password
 * and code, a wrong code refused, a code and a recovery code each accepted once, and the owner's "require
 * two-factor" sending an admin without it to enrolment.
 */
class AdminTwoFactorTest extends IntegrationTest {

    @Autowired
    AdminAccounts accounts;
    @Autowired
    Clock clock;

    @Test
    void enrolThenLogInWithPasswordAndCode() {
        String email = AdminFixtures.email("totp");
        TestHttp admin = AdminFixtures.loggedIn(accounts, http(), email, AdminRole.OPERATOR);
        HttpResponse<String> page = admin.get("/admin/account/two-factor");
        String uri = AdminAccessTest.between(page.body(), "id=\"totp-uri\">", "<").replace("&amp;", "&");
        assertThat(uri).startsWith("otpauth://totp/Ratelink:").contains("secret=").contains("issuer=Ratelink");
        assertThat(page.body()).contains("src=\"/admin/account/two-factor/qr.svg\"").doesNotContain("<script>");
        HttpResponse<String> qr = admin.get("/admin/account/two-factor/qr.svg");
        assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");

        assertThat(admin.postForm("/admin/account/two-factor", Map.of("code", "000000")).body())
                .contains("id=\"code-error\"");
        HttpResponse<String> codes = admin.postForm("/admin/account/two-factor",
                Map.of("code", TestTotp.code(uri, clock.instant())));
        assertThat(codes.statusCode()).isEqualTo(200);
        List<String> recovery = Pattern.compile("<li><code>([a-z0-9-]{11})</code></li>").matcher(codes.body()).results()
                .map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/account/two-factor").body()).contains("id=\"two-factor-on\"").doesNotContain(recovery.get(0));

        // A new login: the password alone reaches no page; a wrong code is refused; the next step's code works.
        TestHttp again = http();
        AdminFixtures.login(again, email, AdminFixtures.PASSWORD);
        HttpResponse<String> held = again.get("/admin/orders");
        // Spring Security names the missing factor: /admin/login/code?factor.type=totp&factor.reason=missing
        assertThat(held.headers().firstValue("Location").orElseThrow()).contains("/admin/login/code?factor.type=totp");
        assertThat(again.get("/admin/settings").statusCode()).isEqualTo(302);
        assertThat(again.get("/admin/login/code").body()).contains("name=\"code\"");
        assertThat(again.postForm("/admin/login/code", Map.of("code", "123456")).body()).contains("id=\"code-error\"");
        String next = TestTotp.code(uri, clock.instant().plus(Duration.ofSeconds(30)));
        HttpResponse<String> in = again.postForm("/admin/login/code", Map.of("code", next));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(again.get("/admin/orders").statusCode()).isEqualTo(200);

        // The same code a second time (a replay): refused.
        TestHttp replay = http();
        AdminFixtures.login(replay, email, AdminFixtures.PASSWORD);
        replay.get("/admin/login/code");
        assertThat(replay.postForm("/admin/login/code", Map.of("code", next)).body()).contains("id=\"code-error\"");
        // A recovery code works once.
        replay.get("/admin/login/code");
        assertThat(replay.postForm("/admin/login/code", Map.of("code", recovery.get(3))).statusCode()).isEqualTo(302);
        assertThat(replay.get("/admin").statusCode()).isEqualTo(200);
        TestHttp reuse = http();
        AdminFixtures.login(reuse, email, AdminFixtures.PASSWORD);
        reuse.get("/admin/login/code");
        assertThat(reuse.postForm("/admin/login/code", Map.of("code", recovery.get(3))).body()).contains("id=\"code-error\"");
        reuse.get("/admin/login/code");
        assertThat(reuse.postForm("/admin/login/code", Map.of("code", recovery.get(4).toUpperCase())).statusCode())
                .isEqualTo(302);
        assertThat(admin.get("/admin/account/two-factor").body()).contains("Recovery codes left: 8");
    }

    @Test
    void theOwnersRequirementSendsAnAdminWithoutItToEnrolment() {
        TestHttp owner = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("owner"), AdminRole.OWNER);
        TestHttp support = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("support"), AdminRole.SUPPORT);
        try {
            owner.get("/admin/admins");
            assertThat(owner.postForm("/admin/admins/two-factor", Map.of("required", "true")).statusCode()).isEqualTo(302);
            assertThat(accounts.twoFactorRequired()).isTrue();
            HttpResponse<String> sent = support.get("/admin/orders");
            assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/account/two-factor?required");
            HttpResponse<String> enrol = support.get("/admin/account/two-factor?required");
            assertThat(enrol.statusCode()).isEqualTo(200);
            assertThat(enrol.body()).contains("id=\"two-factor-required\"").contains("id=\"totp-uri\"");
            String uri = AdminAccessTest.between(enrol.body(), "id=\"totp-uri\">", "<").replace("&amp;", "&");
            support.postForm("/admin/account/two-factor", Map.of("code", TestTotp.code(uri, clock.instant())));
            assertThat(support.get("/admin/orders").statusCode()).isEqualTo(200);
        } finally {
            accounts.requireTwoFactor(false);
        }
    }
}
