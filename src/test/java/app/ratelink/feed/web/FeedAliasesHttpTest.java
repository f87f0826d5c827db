package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;

/**
 * A profile's aliases are the codes the monitoring knows our currencies by: the files use them, and the
 * client it sends back with {@code cur_from}/{@code cur_to} in those codes lands on the right direction.
 */
class FeedAliasesHttpTest extends IntegrationTest {

    @Test
    void theFilesUseTheAliasesAndTheLandingResolvesThem() {
        String usd = TestCatalog.code("AU");
        String coin = TestCatalog.code("AC");
        String usdAlias = TestCatalog.code("XU");
        String feed = "a" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Alias dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(coin, "Alias coin", "BTC", 8, "3.5", "", "Pay");
        catalog.direction(usd, coin, "65500", "1", "10", "5000", true);
        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/feeds/" + feed, """
                {"name":"Alias monitoring","directions":["%s-%s"],"aliases":{"%s":"%s"}}""".formatted(usd, coin, usd, usdAlias));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        assertThat(http().get("/service/export/txt/" + feed).body()).isEqualTo(usdAlias + ";" + coin + ";65500;1;3.5;\n");
        assertThat(operator().get("/api/operator/v1/currencies/" + usd).body()).contains("\"aliases\":[\"" + usdAlias + "\"]");
        HttpResponse<String> landing = http().get("/?cur_from=" + usdAlias.toLowerCase() + "&cur_to=" + coin);
        assertThat(landing.statusCode()).isEqualTo(302);
        assertThat(landing.headers().firstValue("Location").orElseThrow()).contains("/exchange/" + usd + "/" + coin);
    }

    @Test
    void anAliasOfAnotherCurrencyOrOfNoCurrencyIsRefusedAndNothingChanges() {
        String usd = TestCatalog.code("BU");
        String eur = TestCatalog.code("BE");
        String feed = "b" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Alias dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(eur, "Alias euro", "EUR", 2, "25000", "", "Pay");

        HttpResponse<String> taken = operator().json("PUT", "/api/operator/v1/feeds/" + feed,
                "{\"aliases\":{\"%s\":\"%s\"}}".formatted(usd, eur));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("aliases", "already names " + eur);
        HttpResponse<String> unknown = operator().json("PUT", "/api/operator/v1/feeds/" + feed,
                "{\"aliases\":{\"NOSUCH1\":\"XNOSUCH\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("aliases", "NOSUCH1");
        assertThat(operator().get("/api/operator/v1/feeds/" + feed).statusCode()).isEqualTo(404);
    }
}
