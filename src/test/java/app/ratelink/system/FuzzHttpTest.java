package app.ratelink.system;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.PostgresTestServer;
import app.ratelink.testing.TestHttp;

/**
 * {@link FuzzHttp} on both engines, each in an application (and database) of its own so that what the fuzz
 * changes stays there: 2,500 requests each (5,000 in all), fixed seeds, bounded by the timeout.
 */
abstract class FuzzHttpTest extends IntegrationTest {

    private static final Pattern ORDER = Pattern.compile("/order/([A-Za-z0-9_-]+)$");

    @Autowired
    Partners partners;
    @Autowired
    ApiKeys keys;

    void fuzz(long seed) {
        new TestCatalog(operator()).pmusdToBtc();
        Partner partner = partners.createConfirmed(PartnerFixtures.uniqueEmail("fuzz"), PartnerFixtures.PASSWORD);
        String key = keys.create(partner.id()).key();
        TestHttp anon = http();
        anon.get("/exchange/PMUSD/BTC");
        HttpResponse<String> placed = anon.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qfuzzwallet", "email", "client@example.test"));
        Matcher m = ORDER.matcher(placed.headers().firstValue("Location").orElse(""));
        String order = m.find() ? m.group(1) : "nosuchorder";

        FuzzHttp fuzz = new FuzzHttp("http://localhost:" + port, seed);
        fuzz.client("anon", anon);
        fuzz.client("cabinet", PartnerFixtures.login(http(), partner.email()));
        fuzz.client("admin", admin());
        fuzz.client("operator", operator());
        // A page read first gives the anonymous and cabinet forms their CSRF token.
        fuzz.client("anon", anon);
        try (FuzzHttp.Log log = new FuzzHttp.Log()) {
            fuzz.run(2500, Map.of("partnerCode", partner.code(), "order", order, "apiKey", key));
            FuzzHttp.assertClean(fuzz, log);
        }
    }
}
