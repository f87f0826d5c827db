package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The compatibility options of a feed profile (issue 18, docs/adr/0006) over HTTP: the XML Content-Type exactly
 * as chosen, limits and fees without units, EREF flags also in {@code <param>}, and JSON fees. Defaults are
 * today's output.
 */
class FeedCompatibilityHttpTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String usd;
    String coin;
    String feed;

    @BeforeEach
    void catalogue() {
        usd = TestCatalog.code("CU");
        coin = TestCatalog.code("CC");
        feed = "c" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Compat dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(coin, "Compat coin", "BTC", 8, "3.5", "", "Pay");
        HttpResponse<String> direction = operator().json("PUT", "/api/operator/v1/directions/" + usd + "/" + coin, """
                {"in":65500,"out":1,"minAmount":10,"maxAmount":5000,"profitPercent":2,"flags":["manual","verifying"],
                 "cities":[],"active":true,"fromFee":"0.5%","toFee":"0.0002","minFee":"1"}""");
        assertThat(direction.statusCode()).as(direction.body()).isEqualTo(200);
        put("{\"name\":\"Compat\",\"directions\":[\"" + usd + "-" + coin + "\"]}");
    }

    HttpResponse<String> put(String json) {
        HttpResponse<String> r = operator().json("PUT", "/api/operator/v1/feeds/" + feed, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    HttpResponse<byte[]> fetch(String format) {
        HttpResponse<byte[]> r = http().bytes("GET", "/service/export/" + format + "/" + feed);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    String body(String format) {
        return new String(fetch(format).body(), StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreTodaysOutputAndAreShownByTheApi() {
        HttpResponse<String> view = operator().get("/api/operator/v1/feeds/" + feed);
        assertThat(view.body()).contains("\"contentType\":\"application/xml;charset=utf-8\"", "\"amountSuffix\":true",
                "\"legacyParam\":false", "\"partnerId\":null");
        assertThat(fetch("xml").headers().firstValue("Content-Type")).contains("application/xml;charset=utf-8");
        assertThat(body("xml")).contains("<minamount>10 USD</minamount>", "<maxamount>5000 USD</maxamount>",
                "<minfee>1 USD</minfee>", "<fromfee>0.5 %</fromfee>", "<tofee>0.0002 BTC</tofee>",
                "<param>manual, verifying</param>");
    }

    @Test
    void contentTypeIsExactlyTheOneChosen() {
        put("{\"contentType\":\"application/xml\"}");
        HttpResponse<byte[]> xml = fetch("xml");
        assertThat(xml.headers().allValues("Content-Type")).containsExactly("application/xml");
        assertThat(http().bytes("GET", "/service/export/xml/" + feed, "Accept-Encoding", "gzip")
                .headers().allValues("Content-Type")).containsExactly("application/xml");
        // Only the XML file's type is an option; JSON and TXT keep theirs.
        assertThat(fetch("json").headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("application/json;charset=utf-8");

        put("{\"contentType\":\"text/xml;charset=utf-8\"}");
        assertThat(fetch("xml").headers().allValues("Content-Type")).containsExactly("text/xml;charset=utf-8");
        assertThat(operator().get("/api/operator/v1/feeds/" + feed).body()).contains("\"contentType\":\"text/xml;charset=utf-8\"");

        HttpResponse<String> bad = operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"contentType\":\"text/html\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("contentType");
    }

    @Test
    void classicXmlWithoutSuffixesHasBareLimitsAndFees() {
        put("{\"amountSuffix\":false}");
        assertThat(body("xml")).contains("<minamount>10</minamount>", "<maxamount>5000</maxamount>",
                "<minfee>1</minfee>", "<fromfee>0.5%</fromfee>", "<tofee>0.0002</tofee>")
                .doesNotContain(" USD<", " BTC<", " %<");
        // Other fields are untouched by a partial PUT.
        assertThat(operator().get("/api/operator/v1/feeds/" + feed).body()).contains("\"name\":\"Compat\"",
                "\"amountSuffix\":false", "\"contentType\":\"application/xml;charset=utf-8\"");
    }

    @Test
    void erefWritesParamOnlyWhenAsked() {
        put("{\"xmlFlavour\":\"eref-1.1\"}");
        assertThat(body("xml")).contains("<manual>true</manual>", "<verifying>true</verifying>").doesNotContain("<param>");
        put("{\"legacyParam\":true}");
        assertThat(body("xml")).contains("<manual>true</manual>", "<verifying>true</verifying>",
                "<param>manual, verifying</param>", "<minamount>10 USD</minamount>");
    }

    @Test
    void jsonCarriesInAndOutFees() {
        assertThat(body("json")).contains("\"max\":\"5000\",\"inFee\":\"0.5%\",\"outFee\":\"0.0002\",\"options\":{");
        operator().json("PUT", "/api/operator/v1/directions/" + usd + "/" + coin, """
                {"in":65500,"out":1,"minAmount":10,"maxAmount":5000,"profitPercent":2,"flags":[],"cities":[],
                 "active":true,"fromFee":"2","toFee":"1%"}""");
        assertThat(body("json")).contains("\"inFee\":\"2\",\"outFee\":\"1%\"");
    }

    @Test
    void theAdminFormSetsTheOptionsAndTheChangeIsAudited() {
        TestHttp admin = admin();
        assertThat(admin.get("/admin/feeds?code=" + feed).body()).contains("name=\"contentType\"", "name=\"amountSuffix\"",
                "name=\"legacyParam\"", "name=\"partnerId\"");
        HttpResponse<String> saved = admin.postForm("/admin/feeds", Map.of("code", feed, "name", "Compat", "enabled", "true",
                "xmlFlavour", "eref-1.1", "directions", usd + "-" + coin, "contentType", "application/xml",
                "legacyParam", "true", "partnerId", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        HttpResponse<byte[]> xml = fetch("xml");
        assertThat(xml.headers().allValues("Content-Type")).containsExactly("application/xml");
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<param>manual, verifying</param>",
                "<minamount>10</minamount>");
        String changes = jdbc.sql("SELECT changes FROM audit_entry WHERE target = :t ORDER BY id DESC")
                .param("t", "feed " + feed).query(String.class).list().get(0);
        assertThat(changes).contains("\"contentType\":{\"before\":\"application/xml;charset=utf-8\",\"after\":\"application/xml\"}",
                "\"legacyParam\"");

        HttpResponse<String> refused = admin.postForm("/admin/feeds", Map.of("code", feed, "name", "Compat",
                "xmlFlavour", "classic", "contentType", "application/xml", "partnerId", "999999999"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"error\"", "There is no partner with the number 999999999");
    }
}
