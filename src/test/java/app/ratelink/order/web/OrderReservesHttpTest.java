package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Reserves that move, seen as a client, an operator and a monitoring see them: held when an order is paid,
 * booked when it succeeds, released when it is refunded, in the direction page and the feed at once; an order
 * larger than what is left is refused with the reserve in the message, and a paid mark that the reserve can no
 * longer cover changes nothing.
 */
class OrderReservesHttpTest extends IntegrationTest {

    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");

    String from;
    String to;
    String feed;

    /** 1 TO for 2 FROM, reserve 10 TO, a feed of its own. */
    @BeforeEach
    void direction() {
        from = TestCatalog.code("RF");
        to = TestCatalog.code("RT");
        new TestCatalog(operator())
                .currency(from, "Reserve From", "USD", 2, "100000", "", "Pay to U7654321")
                .currency(to, "Reserve To", "TOK", 4, "10", "", "")
                .direction(from, to, "2", "1", "1", "1000", true);
        feed = TestCatalog.code("rs").toLowerCase();
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + feed, """
                {"name":"Reserves","enabled":true,"xmlFlavour":"classic"}""").statusCode()).isEqualTo(200);
    }

    private String order(TestHttp client, String amount) {
        HttpResponse<String> r = client.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", amount, "account", "W1", "email", "reserve@example.com"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void status(String publicId, String status) {
        HttpResponse<String> r = operator().json("POST", "/api/operator/v1/orders/" + publicId + "/status",
                "{\"status\":\"" + status + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private String feedAmount() {
        String xml = http().get("/service/export/xml/" + feed).body();
        int at = xml.indexOf("<to>" + to + "</to>");
        if (at < 0) {
            return "not listed";
        }
        int a = xml.indexOf("<amount>", at) + "<amount>".length();
        return xml.substring(a, xml.indexOf("</amount>", a));
    }

    private String pageReserve() {
        String body = http().get("/exchange/" + from + "/" + to).body();
        int a = body.indexOf("id=\"reserve\">") + "id=\"reserve\">".length();
        return body.substring(a, body.indexOf("</dd>", a));
    }

    @Test
    void heldOnPaidBookedOnSuccessReleasedOnRefundAndVisibleInTheFeed() {
        TestHttp client = http();
        client.get("/exchange/" + from + "/" + to);
        String first = order(client, "12");     // 6 TO
        String second = order(client, "12");    // 6 TO: nothing is held while both are unpaid
        assertThat(feedAmount()).isEqualTo("10");

        client.postForm("/order/" + first + "/paid", Map.of());
        assertThat(feedAmount()).isEqualTo("4");
        assertThat(pageReserve()).isEqualTo("4 TOK");

        // More than what is left is refused on the amount, with the reserve and the largest amount that fits.
        HttpResponse<String> tooMuch = client.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", "10", "account", "W1", "email", "reserve@example.com"));
        assertThat(tooMuch.statusCode()).isEqualTo(200);
        assertThat(tooMuch.body()).contains("id=\"amount-error\"").contains("Our reserve of " + to + " is 4 TOK now")
                .contains("enter at most 8 USD");

        // The second order's paid mark cannot be covered any more: refused, nothing changed.
        HttpResponse<String> paid = client.follow(client.postForm("/order/" + second + "/paid", Map.of()));
        assertThat(paid.body()).contains("id=\"error\"").contains("has just been taken");
        assertThat(paid.body()).contains("id=\"status\"").containsPattern("id=\"status\"[^>]*>new<");
        HttpResponse<String> conflict = operator().json("POST", "/api/operator/v1/orders/" + second + "/status",
                "{\"status\":\"paid\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("reserve of " + to);

        status(first, "success");
        assertThat(feedAmount()).isEqualTo("4");
        assertThat(operator().get("/api/operator/v1/currencies/" + to).body())
                .contains("\"reserve\":4").contains("\"held\":0").contains("\"available\":4");

        // The operator raises the base: holds still count.
        String third = order(client, "4");      // 2 TO
        client.postForm("/order/" + third + "/paid", Map.of());
        assertThat(feedAmount()).isEqualTo("2");
        assertThat(operator().json("PUT", "/api/operator/v1/currencies/" + to, "{\"reserve\":20}").statusCode())
                .isEqualTo(200);
        assertThat(feedAmount()).isEqualTo("18");

        status(third, "refunded");
        assertThat(feedAmount()).isEqualTo("20");
        assertThat(pageReserve()).isEqualTo("20 TOK");
    }
}
