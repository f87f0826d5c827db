package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The findings of the attack, one by one: each bad input is a 4xx (or the page without that filter) in the
 * surface's own form, with a clear message, and costs at most one log line.
 */
class BadInputHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;

    private static void assertPage(HttpResponse<String> r, int status, String text) {
        assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).containsAnyOf("id=\"error-message\"", "id=\"error-page\"").contains(text)
                .doesNotContain("Exception");
    }

    @Test
    void controlCharactersInFormsAreRefusedWithAClearMessage() {
        new TestCatalog(operator()).pmusdToBtc();
        TestHttp client = http();
        client.get("/login");
        assertPage(client.postForm("/login", Map.of("email", "a\u0000b@example.test", "password", "x")), 400,
                "control character");
        client.get("/register");
        assertPage(client.postForm("/register", Map.of("email", "nul@example.test", "password", "correct horse\u0000battery",
                "passwordAgain", "correct horse\u0000battery")), 400, "password");
        client.get("/password/forgot");
        assertPage(client.postForm("/password/forgot", Map.of("email", "x\u0000@example.test")), 400, "email");
        client.get("/exchange/PMUSD/BTC");
        assertPage(client.postForm("/exchange/PMUSD/BTC", Map.of("amount", "100", "account", "bc1q\u0000",
                "email", "client@example.test")), 400, "account");
        // Line breaks and tabs are text (comments, notes); only the controls that never are text are refused.
        client.get("/exchange/PMUSD/BTC");
        assertThat(client.postForm("/exchange/PMUSD/BTC", Map.of("amount", "100", "account", "bc1qtab\there",
                "email", "client@example.test")).statusCode()).isNotEqualTo(400);
    }

    @Test
    void controlCharactersOnTheApisAreTheirUsualErrors() {
        HttpResponse<String> operator = operator().json("PUT", "/api/operator/v1/currencies/NULX",
                "{\"name\":\"Nul\\u0000name\",\"unit\":\"USD\",\"scale\":2,\"reserve\":1,\"usdRate\":1,\"active\":true}");
        assertThat(operator.statusCode()).isEqualTo(400);
        assertThat(operator.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(operator.body()).contains("\"field\":\"name\"").contains("control character");

        HttpResponse<String> partnerApi = http().get("/service/partner/api.php?api_action=pp&api_key=x&method=get_info%00");
        assertThat(partnerApi.statusCode()).isEqualTo(400);
        assertThat(partnerApi.body()).isEqualTo(
                "{\"status\":\"error\",\"error\":1,\"error_text\":\"Invalid parameter: method\",\"data\":{}}");
    }

    @Test
    void multipartWithoutABoundaryIsA400AndOneLogLineAtMost() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (FuzzHttp.Log log = new FuzzHttp.Log()) {
            for (String path : List.of("/service/partner/api.php", "/api/operator/v1/rates", "/api/operator/v1/settings")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "multipart/form-data").header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n--x--")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(400);
                assertThat(r.body()).as(path).containsAnyOf("\"error\":1", "\"status\":400");
            }
            assertThat(log.events()).isLessThanOrEqualTo(3);
            assertThat(log.stackTraces()).isEmpty();
        }
    }

    @Test
    void theErrorPageOpenedDirectlyIsANotFoundPage() {
        assertPage(http().get("/error"), 404, "Page not found");
        assertPage(http().get("/no/such/page"), 404, "Page not found");
    }

    @Test
    void pagingAndTimeParametersOutOfRangeAreNoFilter() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        TestHttp admin = admin();
        for (HttpResponse<String> r : List.of(
                admin.get("/admin/orders?page=2147483647"), admin.get("/admin/partners?page=2147483647"),
                admin.get("/admin/partners?q=p&page=-2147483648"),
                admin.get("/admin/clicks?beforeId=10&beforeTime=" + Long.MAX_VALUE),
                admin.get("/admin/clicks?from=-999999999-01-01&to=%2B999999999-12-31"),
                cabinet.get("/account/clicks?beforeId=10&beforeTime=" + Long.MAX_VALUE),
                cabinet.get("/account/clicks?beforeId=10&beforeTime=" + Long.MIN_VALUE),
                cabinet.get("/account/clicks?from=%2B999999999-12-31&to=%2B999999999-12-31"),
                cabinet.get("/account/exchanges?from=-999999999-01-01&to=%2B999999999-12-31"),
                cabinet.get("/account/clicks.csv?from=0000-01-01&to=%2B999999999-12-31"))) {
            assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isEqualTo(200);
        }
        // Not a number at all: the page says so (a page, not a JSON document shown as text).
        assertPage(admin.get("/admin/clicks?beforeId=abc&beforeTime=1"), 400, "could not be understood");
        assertPage(cabinet.get("/account/clicks?beforeId=x&beforeTime=y"), 400, "could not be understood");
    }

    @Test
    void aUrlTomcatCannotDecodeIsAnsweredInTheSurfacesFormNotTomcatsPage() {
        // %ff%fe is not UTF-8: Tomcat refuses it before any filter runs, and used to answer its own page.
        HttpResponse<String> page = http().get("/order/%ff%fe");
        assertPage(page, 400, "could not be understood");
        assertThat(page.body()).doesNotContain("Tomcat", "HTTP Status 400");
        HttpResponse<String> api = operator().get("/api/operator/v1/orders/%ff%fe");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":400").doesNotContain("Tomcat");
        HttpResponse<String> partnerApi = http().get("/service/partner/%ff%fe/api.php?api_action=pp");
        assertThat(partnerApi.statusCode()).isEqualTo(400);
        assertThat(partnerApi.body()).isEqualTo(
                "{\"status\":\"error\",\"error\":1,\"error_text\":\"Invalid parameter: request\",\"data\":{}}");
    }
}
