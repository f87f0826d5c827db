package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** /admin/rates: sources added and refused by field, the formula preview, the direction form's formula, charts. */
class RatesAdminHttpTest extends IntegrationTest {

    @Autowired
    RatePoller poller;

    private static Map<String, String> sourceForm(String code, String url) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", code);
        f.put("type", "binance");
        f.put("url", url);
        f.put("jsonPath", "");
        f.put("intervalSeconds", "3600");
        f.put("timeoutSeconds", "1");
        f.put("maxAgeSeconds", "7200");
        f.put("maxJumpPercent", "10");
        return f;
    }

    @Test
    void sourcesAreAddedFromTheAdminAndRefusedByField() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            TestHttp admin = admin();
            HttpResponse<String> page = admin.get("/admin/rates");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"rate-source-form\"", "id=\"rate-sources\"", "id=\"rate-poller\"")
                    .doesNotContain("<script>");

            Map<String, String> bad = sourceForm("X", binance.url("/api/v3/ticker/bookTicker"));
            bad.put("intervalSeconds", "0");
            HttpResponse<String> refused = admin.postForm("/admin/rates", bad);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"code-error\"", "id=\"intervalSeconds-error\"");
            Map<String, String> badUrl = sourceForm(RatesFixture.sourceCode("ad"), "ftp://example.com/");
            assertThat(admin.postForm("/admin/rates", badUrl).body()).contains("id=\"url-error\"", "starting with http:// or https://");

            String code = RatesFixture.sourceCode("ad");
            HttpResponse<String> saved = admin.postForm("/admin/rates", sourceForm(code, binance.url("/api/v3/ticker/bookTicker")));
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/rates/" + code);
            new RatesFixture(operator()).answered(code);
            HttpResponse<String> source = admin.get("/admin/rates/" + code);
            assertThat(source.statusCode()).isEqualTo(200);
            assertThat(source.body()).contains("id=\"source-status\"").doesNotContain("<script>");
            assertThat(admin.get("/admin/rates").body()).contains("id=\"source-" + code + "\"");
        }
    }

    @Test
    void theDirectionFormTakesAFormulaWithItsPreviewAndRefusal() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("pv");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 3600, 7200, 10).answered(src);
            String[] d = rates.direction("BTC", "USD", null);
            TestHttp admin = admin();

            HttpResponse<String> form = admin.get("/admin/directions/" + d[0] + "/" + d[1]);
            assertThat(form.body()).contains("id=\"rateFormula\"", "hx-get=\"/admin/rates/preview\"", "id=\"rateFormula-preview\"");
            assertThat(admin.get("/admin/rates/preview?rateFormula=" + enc(src + ":BTCUSDT.bid * 0.985")).body())
                    .contains("Current value: 64025");
            assertThat(admin.get("/admin/rates/preview?rateFormula=" + enc("nosuch:BTCUSDT.bid")).body())
                    .contains("There is no rate source \u201cnosuch\u201d");
            assertThat(admin.get("/admin/rates/preview?reserveFormula=" + enc("1 +")).body()).contains("Character 4: a number");

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("in", "");
            fields.put("out", "");
            fields.put("minAmount", "0.0001");
            fields.put("maxAmount", "100");
            fields.put("profitPercent", "2");
            fields.put("active", "true");
            fields.put("rateFormula", src + ":BTCUSDT.bidd");
            admin.get("/admin/directions/" + d[0] + "/" + d[1]);
            HttpResponse<String> refused = admin.postForm("/admin/directions/" + d[0] + "/" + d[1], fields);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"rateFormula-error\"", "has no value BTCUSDT.bidd");

            fields.put("rateFormula", src + ":BTCUSDT.ask * 0.99");
            assertThat(admin.postForm("/admin/directions/" + d[0] + "/" + d[1], fields).statusCode()).isEqualTo(302);
            assertThat(rates.get("/api/operator/v1/directions/" + d[0] + "/" + d[1]))
                    .contains("\"in\":1,\"out\":64359.9,", "\"rateFormula\":\"" + src + ":BTCUSDT.ask * 0.99\"");

            // The history chart of that direction and of the source value, drawn by a script file.
            poller.pollNow(Set.of(src));
            HttpResponse<String> chart = admin.get("/admin/rates/directions/" + d[0] + "/" + d[1]);
            assertThat(chart.statusCode()).isEqualTo(200);
            assertThat(chart.body()).contains("id=\"rate-chart\"", "data-chart=", "64359.9", "/js/admin-rates.js")
                    .doesNotContain("<script>");
            assertThat(admin.get("/admin/rates/" + src).body()).contains("BTCUSDT.ask", "id=\"rate-chart\"");
            assertThat(admin.get("/js/admin-rates.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdminAcceptsAHeldJump() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("ac");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 3600, 7200, 10).answered(src);
            String[] d = rates.direction("ETH", "USD", src + ":ETHUSDT.bid");
            String body = new String(SourceStub.recorded("binance-bookTicker.json"), StandardCharsets.UTF_8);
            binance.answer(body.replace("\"3400.10000000\"", "\"1700.05000000\""));
            poller.pollNow(Set.of(src));
            TestHttp admin = admin();
            HttpResponse<String> page = admin.get("/admin/rates/" + src);
            assertThat(page.body()).contains("id=\"accept-held\"", "1700.05", "1 / 3");
            HttpResponse<String> accepted = admin.postForm("/admin/rates/" + src + "/accept", Map.of());
            assertThat(accepted.statusCode()).isEqualTo(302);
            assertThat(admin.follow(accepted).body()).contains("id=\"accepted\"").doesNotContain("id=\"accept-held\"");
            RatesFixture.await(java.time.Duration.ofSeconds(5),
                    () -> rates.get("/api/operator/v1/directions/" + d[0] + "/" + d[1]).contains("\"out\":1700.05,"));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
