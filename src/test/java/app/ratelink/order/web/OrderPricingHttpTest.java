package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.order.Order;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pricing rule everywhere (ADR 0005): for a direction with {@code toFee 0.0002} and one with a {@code %} fee,
 * the quote on the page, the order, its page, the operator API, {@code get_exchanges} and the feed item agree.
 */
class OrderPricingHttpTest extends IntegrationTest {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Orders orders;

    @Autowired
    Partners partners;

    @Autowired
    ApiKeys keys;

    record Seen(String quote, String page, BigDecimal api, BigDecimal partnerApi, Order order) {
    }

    /** Orders {@code amount} of {@code from} through a partner's link and reads the amount get everywhere. */
    private Seen orderEverywhere(String from, String to, String amount, String account) {
        Partner partner = PartnerFixtures.partner(partners);
        String key = keys.create(partner.id()).key();
        TestHttp client = http().withHeader("User-Agent", CHROME);
        client.get("/ref/" + partner.code() + "/?cur_from=" + from + "&cur_to=" + to);
        String page = "/exchange/" + from + "/" + to;
        HttpResponse<String> quoteBox = client.get(page + "/quote?amount=" + amount);
        assertThat(quoteBox.statusCode()).isEqualTo(200);
        String quote = between(quoteBox.body(), "id=\"quote\">", "<");
        HttpResponse<String> prefilled = client.get(page + "?amount=" + amount);
        assertThat(between(prefilled.body(), "id=\"quote\">", "<")).isEqualTo(quote);

        HttpResponse<String> created = client.postForm(page, Map.of("amount", amount, "account", account,
                "email", "pricing@example.com"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        Order order = orders.byPublicId(m.group(1)).orElseThrow();
        assertThat(order.partnerId()).isEqualTo(partner.id());
        String orderPage = client.get("/order/" + order.publicId()).body();
        String shown = between(orderPage, "id=\"amount-get\">", " ");

        JsonNode api = JSON.readTree(operator().get("/api/operator/v1/orders/" + order.id()).body());
        assertThat(api.get("number").asString()).isEqualTo(order.number());
        JsonNode exchanges = JSON.readTree(http().get("/service/partner/api.php?api_action=pp&method=get_exchanges&api_key="
                + key).body()).get("data").get("items").get(Long.toString(order.id()));
        return new Seen(quote, shown, api.get("amountGet").decimalValue(), exchanges.get("amount_get").decimalValue(), order);
    }

    @Test
    void anAbsoluteToFeeIsChargedAsAdvertised() {
        String usd = TestCatalog.code("PU");
        String btc = TestCatalog.code("PB");
        new TestCatalog(operator())
                .currency(usd, "Pricing USD", "USD", 2, "100000", "", "Pay to U7654321")
                .currency(btc, "Pricing BTC", "BTC", 8, "3.5", "", "Send BTC");
        assertThat(operator().json("PUT", "/api/operator/v1/directions/" + usd + "/" + btc, """
                {"in":65500,"out":1,"minAmount":10,"maxAmount":5000,"profitPercent":2,"flags":[],"cities":[],
                 "active":true,"toFee":"0.0002"}""").statusCode()).isEqualTo(200);

        Seen seen = orderEverywhere(usd, btc, "100", "bc1qpricingclient");
        // 100 / 65500 = 0.00152671755…; less the 0.0002 BTC fee, rounded down: 0.00132671.
        BigDecimal expected = new BigDecimal("0.00132671");
        assertThat(new BigDecimal(seen.quote())).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(seen.page())).isEqualByComparingTo(expected);
        assertThat(seen.api()).isEqualByComparingTo(expected);
        assertThat(seen.partnerApi()).isEqualByComparingTo(expected);
        assertThat(seen.order().amountGet()).isEqualByComparingTo(expected);
        assertThat(seen.order().feeTo()).isEqualByComparingTo("0.0002");

        String feed = feedItem(usd, btc);
        assertThat(feed).contains("<in>65500</in>").contains("<out>1</out>").contains("<tofee>0.0002 BTC</tofee>");
    }

    @Test
    void aPercentFromFeeIsChargedAsAdvertised() {
        String rub = TestCatalog.code("PR");
        String usdt = TestCatalog.code("PT");
        new TestCatalog(operator())
                .currency(rub, "Pricing RUB", "RUB", 2, "1000000", "", "Pay by card")
                .currency(usdt, "Pricing USDT", "USDT", 6, "50000", "", "Send USDT");
        assertThat(operator().json("PUT", "/api/operator/v1/directions/" + rub + "/" + usdt, """
                {"in":92.5,"out":1,"minAmount":1000,"maxAmount":500000,"profitPercent":2,"flags":[],"cities":[],
                 "active":true,"fromFee":"1.5%","minFee":"20"}""").statusCode()).isEqualTo(200);

        // 10,000 RUB less 1.5 % (150 RUB, above the 20 RUB minimum) at 92.5 RUB per USDT: 106.486486… USDT.
        Seen seen = orderEverywhere(rub, usdt, "10000", "TPricingClientWallet");
        BigDecimal expected = new BigDecimal("106.486486");
        assertThat(new BigDecimal(seen.quote())).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(seen.page())).isEqualByComparingTo(expected);
        assertThat(seen.api()).isEqualByComparingTo(expected);
        assertThat(seen.partnerApi()).isEqualByComparingTo(expected);
        assertThat(seen.order().feeFrom()).isEqualByComparingTo("150");
        assertThat(feedItem(rub, usdt)).contains("<in>92.5</in>").contains("<fromfee>1.5 %</fromfee>")
                .contains("<minfee>20 RUB</minfee>");

        // Below 1,333.33 RUB the 20 RUB minimum fee applies: 1,000 RUB → 980 / 92.5 = 10.594594… USDT.
        Seen small = orderEverywhere(rub, usdt, "1000", "TPricingClientWallet");
        assertThat(small.order().amountGet()).isEqualByComparingTo("10.594594");
        assertThat(small.order().feeFrom()).isEqualByComparingTo("20");
        assertThat(new BigDecimal(small.quote())).isEqualByComparingTo("10.594594");
    }

    /** The BestChange classic item of a pair in the demo-free test feed of its own. */
    private String feedItem(String from, String to) {
        String code = TestCatalog.code("pf").toLowerCase();
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + code, """
                {"name":"Pricing","enabled":true,"xmlFlavour":"classic"}""").statusCode()).isEqualTo(200);
        String xml = http().get("/service/export/xml/" + code).body();
        int at = xml.indexOf("<from>" + from + "</from>\n    <to>" + to + "</to>");
        assertThat(at).as(xml).isGreaterThan(0);
        return xml.substring(at, xml.indexOf("</item>", at));
    }

    private static String between(String text, String start, String end) {
        int a = text.indexOf(start);
        assertThat(a).as(text).isGreaterThanOrEqualTo(0);
        a += start.length();
        return text.substring(a, text.indexOf(end, a)).trim();
    }
}
