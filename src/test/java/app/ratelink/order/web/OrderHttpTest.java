package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.Order;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Orders through the real form and the operator API (SPEC §2, §10). */
class OrderHttpTest extends IntegrationTest {

    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");
    private static final String WALLET = "W12345678";

    @Autowired
    Orders orders;

    @Autowired
    Clock clock;

    String from;
    String to;

    /** A direction of our own: 1 TO for 2 FROM, limits 10–1000, reserve 100 TO, accounts W + 8 digits. */
    @BeforeEach
    void direction() {
        from = TestCatalog.code("OF");
        to = TestCatalog.code("OT");
        new TestCatalog(operator())
                .currency(from, "Test From", "USD", 2, "100000", "", "Pay to U7654321 with note ORDER")
                .currency(to, "Test To", "TOK", 4, "100", "^W\\d{8}$", "")
                .direction(from, to, "2", "1", "10", "1000", true);
    }

    private String page() {
        return "/exchange/" + from + "/" + to;
    }

    private HttpResponse<String> submit(TestHttp client, String amount, String account, String email) {
        assertThat(client.get(page()).statusCode()).isEqualTo(200);
        return client.postForm(page(), Map.of("amount", amount, "account", account, "email", email));
    }

    private String createOrder(TestHttp client, String amount) {
        HttpResponse<String> r = submit(client, amount, WALLET, "client@example.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long idOf(String publicId) {
        return orders.byPublicId(publicId).orElseThrow().id();
    }

    @Test
    void directionPageShowsRateReserveLimitsAndTheForm() {
        HttpResponse<String> r = http().get(page());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("2 " + from).contains("1 " + to).contains("100 TOK").contains("10 – 1000 USD")
                .contains("name=\"amount\"").contains("name=\"account\"").contains("name=\"email\"")
                .contains("name=\"_csrf\"").contains("Processed by an operator");
    }

    @Test
    void anOrderIsCreatedThroughTheFormAtTheLockedRate() {
        TestHttp client = http();
        HttpCookie visitor = new HttpCookie("rl_vid", "visitor-123");
        visitor.setPath("/");
        visitor.setVersion(0);
        client.cookies().getCookieStore().add(URI.create(client.base()), visitor);
        String publicId = createOrder(client, "25.5");
        HttpResponse<String> page = client.get("/order/" + publicId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"status\"").contains(">new<").contains("25.5 " + from)
                .contains("12.75 " + to).contains("Pay to U7654321 with note ORDER").contains("I have paid");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        Order o = orders.byPublicId(publicId).orElseThrow();
        assertThat(o.amountGive()).isEqualByComparingTo("25.5");
        assertThat(o.amountGet()).isEqualByComparingTo("12.75");
        assertThat(o.rateIn()).isEqualByComparingTo("2");
        assertThat(o.account()).isEqualTo(WALLET);
        assertThat(o.email()).isEqualTo("client@example.com");
        assertThat(o.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(o.userAgent()).isNotBlank();
        assertThat(o.visitorId()).isEqualTo("visitor-123");
        assertThat(o.partnerId()).isNull();
        assertThat(o.expiresAt()).isEqualTo(o.createdAt().plus(Duration.ofMinutes(30)));
    }

    @Test
    void theFormNeedsTheCsrfToken() {
        TestHttp client = http();
        client.get(page());
        HttpResponse<String> r = client.postFormRaw(page(),
                Map.of("amount", "20", "account", WALLET, "email", "client@example.com"));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndKept() {
        TestHttp client = http();
        HttpResponse<String> below = submit(client, "5", WALLET, "client@example.com");
        assertThat(below.statusCode()).isEqualTo(200);
        assertThat(below.body()).contains("id=\"amount-error\"").contains("The minimum is 10 USD")
                .contains("value=\"5\"").contains("value=\"" + WALLET + "\"").contains("value=\"client@example.com\"");

        assertThat(submit(client, "1000.01", WALLET, "client@example.com").body())
                .contains("The maximum is 1000 USD");
        // 1000 FROM buys 500 TO, more than the reserve of 100.
        assertThat(submit(client, "500", WALLET, "client@example.com").body())
                .contains("Our reserve of " + to + " is 100 TOK now; enter at most 200 USD");
        HttpResponse<String> bad = submit(client, "20", "U1234567", "nope");
        assertThat(bad.body()).contains("id=\"account-error\"").contains("This is not a valid Test To account")
                .contains("id=\"email-error\"").doesNotContain("id=\"amount-error\"");
    }

    @Test
    void anOrderWalksNewPaidProcessingSuccessAndKeepsItsHistory() {
        TestHttp client = http();
        String publicId = createOrder(client, "20");
        client.get("/order/" + publicId);
        HttpResponse<String> paid = client.follow(client.postForm("/order/" + publicId + "/paid", Map.of()));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains(">paid<").contains("We are checking your payment")
                .doesNotContain("id=\"mark-paid\"");

        long id = idOf(publicId);
        HttpResponse<String> processing = operator().json("POST", "/api/operator/v1/orders/" + id + "/status",
                "{\"status\":\"processing\",\"comment\":\"payment seen\"}");
        assertThat(processing.statusCode()).as(processing.body()).isEqualTo(200);
        assertThat(processing.body()).contains("\"status\":\"processing\"").contains("\"changed\":true");
        HttpResponse<String> success = operator().json("POST", "/api/operator/v1/orders/" + id + "/status",
                "{\"status\":\"SUCCESS\",\"comment\":\"sent\"}");
        assertThat(success.statusCode()).isEqualTo(200);

        HttpResponse<String> got = operator().get("/api/operator/v1/orders/" + id);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).contains("\"id\":" + id).contains("\"publicId\":\"" + publicId + "\"")
                .contains("\"status\":\"success\"").contains("\"amountGive\":20,").contains("\"amountGet\":10,")
                .contains("\"rateIn\":2,").contains("\"from\":\"" + from + "\"")
                .containsPattern("\"history\":\\[\\{\"from\":null,\"to\":\"new\",\"actor\":\"client\"")
                .contains("{\"from\":\"new\",\"to\":\"paid\",\"actor\":\"client\"")
                .contains("{\"from\":\"paid\",\"to\":\"processing\",\"actor\":\"operator\",\"comment\":\"payment seen\"")
                .contains("{\"from\":\"processing\",\"to\":\"success\",\"actor\":\"operator\",\"comment\":\"sent\"")
                .containsPattern("\"createdAt\":\"\\d{4}-\\d\\d-\\d\\dT");
        assertThat(orders.history(id)).hasSize(4);
        assertThat(client.get("/order/" + publicId).body()).contains(">success<").contains("Done: the money was sent");
    }

    @Test
    void anIllegalTransitionIsRefusedWith409AndChangesNothing() {
        String publicId = createOrder(http(), "20");
        long id = idOf(publicId);
        operator().json("POST", "/api/operator/v1/orders/" + id + "/status", "{\"status\":\"cancelled\"}");
        HttpResponse<String> r = operator().json("POST", "/api/operator/v1/orders/" + id + "/status",
                "{\"status\":\"paid\",\"comment\":\"too late\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("cancelled").contains("paid");
        assertThat(orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.history(id)).hasSize(2);
    }

    @Test
    void settingTheCurrentStatusAgainIsANoOp() {
        long id = idOf(createOrder(http(), "20"));
        operator().json("POST", "/api/operator/v1/orders/" + id + "/status", "{\"status\":\"paid\"}");
        HttpResponse<String> again = operator().json("POST", "/api/operator/v1/orders/" + id + "/status",
                "{\"status\":\"paid\",\"comment\":\"twice\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"changed\":false").contains("\"status\":\"paid\"");
        assertThat(orders.history(id)).hasSize(2);
    }

    @Test
    void badStatusRequestsAnswer400NamingTheField() {
        long id = idOf(createOrder(http(), "20"));
        HttpResponse<String> unknown = operator().json("POST", "/api/operator/v1/orders/" + id + "/status",
                "{\"status\":\"shipped\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"status\"");
        assertThat(operator().json("POST", "/api/operator/v1/orders/" + id + "/status", "{}").body())
                .contains("\"field\":\"status\"");
        assertThat(operator().json("POST", "/api/operator/v1/orders/999999999/status", "{\"status\":\"paid\"}")
                .statusCode()).isEqualTo(404);
        assertThat(http().json("POST", "/api/operator/v1/orders/" + id + "/status", "{\"status\":\"paid\"}")
                .statusCode()).isEqualTo(401);
        assertThat(orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void listIsNewestFirstAndFiltered() {
        long first = idOf(createOrder(http(), "20"));
        long second = idOf(createOrder(http(), "30"));
        operator().json("POST", "/api/operator/v1/orders/" + first + "/status", "{\"status\":\"paid\"}");

        HttpResponse<String> all = operator().get("/api/operator/v1/orders?limit=2");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).startsWith("[{\"id\":" + second + ",").contains("{\"id\":" + first + ",")
                .doesNotContain("\"history\"");
        assertThat(operator().get("/api/operator/v1/orders?status=paid&limit=1000").body())
                .contains("\"id\":" + first + ",").doesNotContain("\"id\":" + second + ",");
        long now = clock.instant().getEpochSecond();
        assertThat(operator().get("/api/operator/v1/orders?from=" + (now - 60) + "&to=" + (now + 60)).body())
                .contains("\"id\":" + second + ",");
        assertThat(operator().get("/api/operator/v1/orders?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").body())
                .isEqualTo("[]");
        assertThat(operator().get("/api/operator/v1/orders?beforeId=" + second + "&limit=1").body())
                .startsWith("[{\"id\":" + first + ",");
        assertThat(operator().get("/api/operator/v1/orders?partnerId=999999").body()).isEqualTo("[]");
        assertThat(operator().get("/api/operator/v1/orders?from=yesterday").body()).contains("\"field\":\"from\"");
        assertThat(operator().get("/api/operator/v1/orders?limit=0").body()).contains("\"field\":\"limit\"");
        assertThat(operator().get("/api/operator/v1/orders?status=nope").body()).contains("\"field\":\"status\"");
    }

    @Test
    void unpaidOrdersExpire() {
        TestHttp client = http();
        String publicId = createOrder(client, "20");
        Order o = orders.byPublicId(publicId).orElseThrow();
        assertThat(orders.expireOverdue(o.expiresAt().minusSeconds(1), 1000)).isGreaterThanOrEqualTo(0);
        assertThat(orders.find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        orders.expireOverdue(o.expiresAt(), 1000);
        assertThat(orders.find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.history(o.id()).get(1)).satisfies(h -> {
            assertThat(h.actor()).isEqualTo("system");
            assertThat(h.comment()).isEqualTo("expired");
        });
        HttpResponse<String> page = client.get("/order/" + publicId);
        assertThat(page.body()).contains(">cancelled<").doesNotContain("id=\"mark-paid\"");
        // Pressing "I have paid" on a cancelled order changes nothing.
        client.follow(client.postForm("/order/" + publicId + "/paid", Map.of()));
        assertThat(orders.find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void markingPaidNeedsTheCsrfTokenToo() {
        TestHttp client = http();
        String publicId = createOrder(client, "20");
        assertThat(client.postFormRaw("/order/" + publicId + "/paid", Map.of()).statusCode()).isEqualTo(403);
        assertThat(orders.byPublicId(publicId).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void noOrdersAreTakenInMaintenance() {
        // The form was opened before the operator switched maintenance on.
        TestHttp client = http();
        assertThat(client.get(page()).statusCode()).isEqualTo(200);
        assertThat(operator().json("PUT", "/api/operator/v1/settings", "{\"maintenance\":true}").statusCode())
                .isEqualTo(200);
        try {
            // The site is offline (SPEC §7): the exchange page answers 503, and so does an order posted to it.
            HttpResponse<String> page = http().get(page());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> r = client.postForm(page(),
                    Map.of("amount", "20", "account", WALLET, "email", "client@example.com"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Location")).isEmpty();
        } finally {
            operator().json("PUT", "/api/operator/v1/settings", "{\"maintenance\":false}");
        }
    }

    @Test
    void unknownOrderPagesAre404() {
        HttpResponse<String> r = http().get("/order/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Order not found");
    }
}
