package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;

/** The feeds over HTTP: status codes, validators, gzip, maintenance, and freshness after a bulk rate update. */
class FeedHttpTest extends IntegrationTest {

    @Autowired
    Settings settings;

    String usd;
    String coin;
    String feed;

    @BeforeEach
    void catalogueAndProfile() {
        usd = TestCatalog.code("FU");
        coin = TestCatalog.code("FC");
        feed = "t" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Feed dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(coin, "Feed coin", "BTC", 8, "3.5", "", "Pay");
        catalog.direction(usd, coin, "65500", "1", "10", "5000", true);
        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/feeds/" + feed, """
                {"name":"Test monitoring","enabled":true,"xmlFlavour":"classic","directions":["%s-%s"]}"""
                .formatted(usd, coin));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"xmlFlavour\":\"classic\"", "\"enabled\":true");
    }

    @AfterEach
    void noMaintenance() {
        settings.update(Map.of(Setting.MAINTENANCE, "false"));
    }

    HttpResponse<byte[]> fetch(String method, String path, String... headers) {
        return http().bytes(method, path, headers);
    }

    String body(String format) {
        HttpResponse<byte[]> r = fetch("GET", "/service/export/" + format + "/" + feed);
        assertThat(r.statusCode()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void eachFormatHasItsContentTypeAndValidators() {
        for (String[] f : new String[][] {{"xml", "application/xml"}, {"json", "application/json"}, {"txt", "text/plain"}}) {
            HttpResponse<byte[]> r = fetch("GET", "/service/export/" + f[0] + "/" + feed);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase())
                    .isEqualTo(f[1] + ";charset=utf-8");
            assertThat(r.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{32}\"");
            assertThat(r.headers().firstValue("Last-Modified")).isPresent();
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(body("txt")).isEqualTo(usd + ";" + coin + ";65500;1;3.5;\n");
        assertThat(body("xml")).contains("<from>" + usd + "</from>", "<minamount>10 USD</minamount>");
        assertThat(fetch("GET", "/service/export/txt/" + feed + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersOnly() {
        HttpResponse<byte[]> head = fetch("HEAD", "/service/export/xml/" + feed);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(fetch("POST", "/service/export/xml/" + feed).statusCode()).isEqualTo(405);
    }

    /** Feeds are answered ahead of the web application, on the path as Tomcat decoded and normalized it. */
    @Test
    void thePathIsReadDecodedAndNormalizedAndOtherPathsGoOnToTheApplication() {
        String encoded = feed.chars().mapToObj(c -> "%%%02X".formatted(c)).collect(Collectors.joining());
        HttpResponse<byte[]> percent = fetch("GET", "/service/export/txt/" + encoded);
        assertThat(percent.statusCode()).isEqualTo(200);
        assertThat(new String(percent.body(), StandardCharsets.UTF_8)).startsWith(usd + ";" + coin + ";");

        // Out of /service/export/ once normalized: the application's own firewall answers (it refuses "..").
        HttpResponse<byte[]> escape = fetch("GET", "/service/export/txt/../../../login");
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(new String(escape.body(), StandardCharsets.UTF_8)).doesNotContain("Feed not found");
        assertThat(fetch("GET", "/service/exports/txt/" + feed).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownOrDisabledFeedsAndUnknownFormatsAre404() {
        HttpResponse<byte[]> unknown = fetch("GET", "/service/export/xml/no-such-feed");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).isEqualTo("Feed not found\n");
        assertThat(fetch("GET", "/service/export/csv/" + feed).statusCode()).isEqualTo(404);
        assertThat(fetch("GET", "/service/export/xml").statusCode()).isEqualTo(404);

        operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"enabled\":false}");
        assertThat(fetch("GET", "/service/export/json/" + feed).statusCode()).isEqualTo(404);
    }

    @Test
    void notModifiedOnBothValidators() {
        HttpResponse<byte[]> first = fetch("GET", "/service/export/json/" + feed);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> byTag = fetch("GET", "/service/export/json/" + feed, "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).contains(etag);

        assertThat(fetch("GET", "/service/export/json/" + feed, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(fetch("GET", "/service/export/json/" + feed, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(fetch("GET", "/service/export/json/" + feed, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                .statusCode()).isEqualTo(200);
        // The XML of the same profile is another file with its own tag.
        assertThat(fetch("GET", "/service/export/xml/" + feed, "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void gzipWhenAccepted() throws IOException {
        String plain = body("xml");
        HttpResponse<byte[]> zipped = fetch("GET", "/service/export/xml/" + feed, "Accept-Encoding", "gzip, deflate");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    @Test
    void maintenanceIs503WithRetryAfterAndEachFormatsError() {
        settings.update(Map.of(Setting.MAINTENANCE, "true"));
        Map<String, String> bodies = Map.of("xml", "<error>Maintenance</error>", "json", "{\"error\":\"Maintenance\"}",
                "txt", "Maintenance");
        bodies.forEach((format, expected) -> {
            HttpResponse<byte[]> r = fetch("GET", "/service/export/" + format + "/" + feed);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(expected);
        });
    }

    @Test
    void aBulkRateUpdateIsInEveryFormatAtOnce() {
        HttpResponse<String> update = operator().json("POST", "/api/operator/v1/rates",
                "[{\"from\":\"%s\",\"to\":\"%s\",\"in\":70000,\"out\":1,\"reserve\":4.25}]".formatted(usd, coin));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(body("txt")).isEqualTo(usd + ";" + coin + ";70000;1;4.25;\n");
        assertThat(body("xml")).contains("<in>70000</in>", "<amount>4.25</amount>");
        assertThat(body("json")).contains("\"xr\":70000", "\"amount\":\"4.25\"");
    }

    @Test
    void operatorApiRefusesBadProfilesByField() {
        HttpResponse<String> bad = operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"xmlFlavour\":\"rss\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("xmlFlavour");
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/Bad%20Code", "{}").statusCode()).isEqualTo(400);
        assertThat(http().json("PUT", "/api/operator/v1/feeds/" + feed, "{}").statusCode()).isEqualTo(401);
        assertThat(operator().get("/api/operator/v1/feeds").body()).contains("\"code\":\"" + feed + "\"");
    }

    @Test
    void theAdminEditsProfilesWithAFormAndSeesTheirLinks() {
        app.ratelink.testing.TestHttp admin = admin();
        HttpResponse<String> page = admin.get("/admin/feeds");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(feed, "/service/export/xml/" + feed);

        String code = feed + "-e";
        HttpResponse<String> saved = admin.postForm("/admin/feeds", Map.of("code", code, "name", "EREF monitoring",
                "enabled", "true", "xmlFlavour", "eref-1.1", "directions", usd + "-" + coin, "aliases", usd + "=USDX"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> xml = fetch("GET", "/service/export/xml/" + code);
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("schema/1.1.xsd", "<from>USDX</from>",
                "<frommin>10</frommin>");

        HttpResponse<String> refused = admin.postForm("/admin/feeds", Map.of("code", code, "name", "x",
                "xmlFlavour", "rss"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"error\"", "Choose one of the XML formats offered");
        assertThat(http().postFormRaw("/admin/feeds", Map.of("code", "x")).statusCode()).isIn(302, 403);
    }

    @Test
    void aFeedFormWithTwoBadFieldsShowsBothErrorsAndKeepsWhatWasTyped() {
        app.ratelink.testing.TestHttp admin = admin();
        admin.get("/admin/feeds");
        Map<String, String> form = Map.of("code", "Bad Code", "name", "", "enabled", "true", "xmlFlavour", "classic",
                "contentType", "application/xml", "partnerId", "12x", "aliases", "USDX");
        HttpResponse<String> bad = admin.postForm("/admin/feeds", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "name")).isEqualTo("Required");
        assertThat(error(bad.body(), "code")).isEqualTo("Use 1 to 32 small letters, digits, _ or -, e.g. bestchange");
        assertThat(error(bad.body(), "partnerId")).isEqualTo("Enter a whole number");
        assertThat(error(bad.body(), "aliases")).isEqualTo("Write each alias as CODE=ALIAS, e.g. USDT=USDTTRC: USDX");
        assertThat(bad.body()).contains("id=\"error\"", "value=\"Bad Code\"", "value=\"12x\"", "id=\"feed-form\"");

        admin.get("/admin/feeds?lang=ru");
        String ru = admin.postForm("/admin/feeds", form).body();
        assertThat(error(ru, "name")).isEqualTo("Обязательное поле");
        assertThat(error(ru, "partnerId")).isEqualTo("Введите целое число");
        admin.get("/admin/feeds?lang=en");
    }

    private static String error(String body, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<")
                .matcher(body);
        assertThat(m.find()).as(field + "-error in " + body).isTrue();
        return m.group(1).trim();
    }
}
