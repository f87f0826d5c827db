package app.ratelink.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers a person cannot get wrong: an operator's number that the column would round to zero, or that has more
 * digits than the column keeps, answers 400 naming the field; nothing is stored and no page answers 500 after.
 */
class CatalogNumbersHttpTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void refused(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
    }

    @Test
    void aRateThatWouldBeStoredAsZeroIsRefusedOnItsField() {
        String from = TestCatalog.code("NF");
        String to = TestCatalog.code("NT");
        new TestCatalog(operator()).currency(from, "Numbers from", "USD", 2, "1000", "", "")
                .currency(to, "Numbers to", "BTC", 8, "1", "", "").direction(from, to, "2", "1", "10", "100", true);
        String path = "/api/operator/v1/directions/" + from + "/" + to;
        refused(operator().json("PUT", path, """
                {"in":1e-30,"out":1,"minAmount":10,"maxAmount":100}"""), "in");
        refused(operator().json("PUT", path, """
                {"in":2,"out":123456789012345678901234567890,"minAmount":10,"maxAmount":100}"""), "out");
        refused(operator().json("PUT", path, """
                {"in":2,"out":1,"minAmount":10,"maxAmount":100,"toFee":"0.0000000000000000001"}"""), "toFee");
        refused(operator().json("PUT", path, """
                {"in":2,"out":1,"minAmount":10,"maxAmount":100,"profitPercent":0.00001}"""), "profitPercent");
        refused(operator().json("POST", "/api/operator/v1/rates", """
                [{"from":"%s","to":"%s","in":2,"out":1e-19}]""".formatted(from, to)), "[0].out");
        refused(operator().json("POST", "/api/operator/v1/rates", """
                [{"from":"%s","to":"%s","in":2,"out":1,"reserve":1e-25}]""".formatted(from, to)), "[0].reserve");
        refused(operator().json("PUT", "/api/operator/v1/currencies/" + to, """
                {"usdRate":1e-20}"""), "usdRate");

        // Nothing changed: the page still shows the direction at 2 → 1.
        HttpResponse<String> page = http().get("/exchange/" + from + "/" + to);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2 " + from);
    }

    @Test
    void theAdminFormShowsTheSameRefusalOnTheField() {
        String from = TestCatalog.code("NA");
        String to = TestCatalog.code("NB");
        new TestCatalog(operator()).currency(from, "Numbers A", "USD", 2, "1000", "", "")
                .currency(to, "Numbers B", "BTC", 8, "1", "", "").direction(from, to, "2", "1", "10", "100", true);
        var admin = admin();
        admin.get("/admin/directions/" + from + "/" + to);
        HttpResponse<String> r = admin.postForm("/admin/directions/" + from + "/" + to, Map.of("in", "0.0000000000000000000000000001",
                "out", "1", "minAmount", "10", "maxAmount", "100", "profitPercent", "2", "active", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"in-error\"").contains("would be stored as 0");
    }
}
