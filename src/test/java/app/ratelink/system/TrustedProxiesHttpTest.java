package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * No proxy is trusted unless the operator names it: a client on the host (the tests' loopback) that invents
 * a new {@code X-Forwarded-For} for every attempt is still one address to the login limit.
 */
class TrustedProxiesHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;
    @Autowired
    Settings settings;

    @Test
    void noProxyIsTrustedByDefault() {
        assertThat(Setting.TRUSTED_PROXIES.defaultValue()).isEmpty();
        assertThat(ClientAddress.of("127.0.0.1", "203.0.113.9", Setting.TRUSTED_PROXIES.defaultValue()))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void rotatingForwardedForFromTheHostDoesNotEscapeTheLoginLimit() {
        settings.update(Map.of(Setting.TRUSTED_PROXIES, Setting.TRUSTED_PROXIES.defaultValue()));
        try {
            guessFromRotatingAddresses();
        } finally {
            // The throttle is per address, and the suite's other tests log in from this one too.
            jdbc.sql("DELETE FROM login_throttle WHERE subject LIKE 'ip:%'").update();
        }
    }

    private void guessFromRotatingAddresses() {
        Partner partner = PartnerFixtures.partner(partners);
        String last = "";
        for (int i = 0; i < 25 && !last.contains("Too many failed attempts"); i++) {
            TestHttp guesser = http().withHeader("X-Forwarded-For", "198.51.100." + (i + 1));
            guesser.get("/login");
            HttpResponse<String> r = guesser.follow(guesser.postForm("/login",
                    Map.of("email", PartnerFixtures.uniqueEmail("rot" + i), "password", "guess")));
            last = r.body();
        }
        assertThat(last).contains("Too many failed attempts");
        // The throttle holds this address, whatever it claims to forward for.
        TestHttp next = http().withHeader("X-Forwarded-For", "198.51.100.200");
        next.get("/login");
        HttpResponse<String> r = next.follow(next.postForm("/login",
                Map.of("email", partner.email(), "password", PartnerFixtures.PASSWORD)));
        assertThat(r.body()).contains("Too many failed attempts");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
