package app.ratelink.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import app.ratelink.testing.TestHttp;

/**
 * Partners for tests of any feature: a confirmed partner in one call, and a logged-in cabinet client.
 * <pre>
 * Partner p = PartnerFixtures.partner(partners);
 * TestHttp cabinet = PartnerFixtures.login(http(), p.email());
 * cabinet.get("/account/partner");
 * </pre>
 */
public final class PartnerFixtures {

    /** Passes the password rules; every fixture partner has it. */
    public static final String PASSWORD = "correct horse battery";

    private PartnerFixtures() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partners.test";
    }

    /** A confirmed, not banned partner with {@link #PASSWORD}. */
    public static Partner partner(Partners partners) {
        return partners.createConfirmed(uniqueEmail("p"), PASSWORD);
    }

    /** Logs the client in as that partner (real form login with CSRF) and returns it. */
    public static TestHttp login(TestHttp http, String email) {
        return login(http, email, PASSWORD);
    }

    public static TestHttp login(TestHttp http, String email, String password) {
        assertThat(http.get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> r = http.postForm("/login", Map.of("email", email, "password", password));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).as("login of " + email).endsWith("/account/partner");
        return http;
    }
}
