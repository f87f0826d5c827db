package app.ratelink.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.twofactor.TestTotp;

/** The partner's two-factor login: enrol at /account/two-factor, then password and code at /login/code. */
class PartnerTwoFactorTest extends IntegrationTest {

    static final String PASSWORD = "partner two factor pass";

    @Autowired
    Partners partners;
    @Autowired
    Clock clock;

    @Test
    void enrolThenLogInWithPasswordAndCodeOrARecoveryCode() {
        String email = PartnerFixtures.uniqueEmail("totp");
        partners.createConfirmed(email, PASSWORD);
        TestHttp partner = login(email);
        assertThat(partner.get("/account/partner").statusCode()).isEqualTo(200);

        HttpResponse<String> page = partner.get("/account/two-factor");
        assertThat(page.statusCode()).isEqualTo(200);
        String uri = between(page.body(), "id=\"totp-uri\">", "<").replace("&amp;", "&");
        assertThat(uri).startsWith("otpauth://totp/Ratelink:").contains("secret=");
        assertThat(partner.get("/account/two-factor/qr.svg").body()).startsWith("<svg");
        assertThat(partner.postForm("/account/two-factor", Map.of("code", "999999")).body()).contains("id=\"code-error\"");
        HttpResponse<String> codes = partner.postForm("/account/two-factor", Map.of("code", TestTotp.code(uri, clock.instant())));
        List<String> recovery = Pattern.compile("<li><code>([a-z0-9-]{11})</code></li>").matcher(codes.body()).results()
                .map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10);
        assertThat(partner.get("/account/partner").statusCode()).isEqualTo(200);

        TestHttp again = login(email);
        HttpResponse<String> held = again.get("/account/partner");
        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(held.headers().firstValue("Location").orElseThrow()).contains("/login/code");
        assertThat(again.get("/login/code").body()).contains("name=\"code\"");
        assertThat(again.postForm("/login/code", Map.of("code", "000000")).body()).contains("id=\"code-error\"");
        HttpResponse<String> in = again.postForm("/login/code",
                Map.of("code", TestTotp.code(uri, clock.instant().plus(Duration.ofSeconds(30)))));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(again.get("/account/partner").statusCode()).isEqualTo(200);

        TestHttp recovered = login(email);
        recovered.get("/login/code");
        assertThat(recovered.postForm("/login/code", Map.of("code", recovery.get(0))).statusCode()).isEqualTo(302);
        assertThat(recovered.get("/account/api").statusCode()).isEqualTo(200);
        TestHttp reused = login(email);
        reused.get("/login/code");
        assertThat(reused.postForm("/login/code", Map.of("code", recovery.get(0))).body()).contains("id=\"code-error\"");
        assertThat(reused.get("/account/api").statusCode()).isEqualTo(302);
    }

    private TestHttp login(String email) {
        TestHttp client = http();
        client.get("/login");
        HttpResponse<String> r = client.postForm("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        return client;
    }

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).isGreaterThanOrEqualTo(0);
        return text.substring(i + start.length(), text.indexOf(end, i + start.length())).trim();
    }
}
