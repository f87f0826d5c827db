package app.ratelink.postback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import app.ratelink.order.Order;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.postback.PostbackSignature;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.Receiver;
import app.ratelink.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postbacks end to end against a real HTTP receiver on 127.0.0.1 (so with postbackPrivateAddresses on): a
 * click with sub1, an order, its success; retries of a failing receiver; the refusal of private addresses.
 * Own database and short retry delays, so that retries take a fraction of a second instead of minutes.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:postbacks-it;DB_CLOSE_DELAY=-1",
        "ratelink.postbacks.first-retry=PT0.2S", "ratelink.postbacks.poll=PT0.1S",
        "ratelink.postbacks.pause-after=PT3S", "ratelink.postbacks.click-scan=PT0.2S",
        "ratelink.postbacks.click-lag=PT0S"})
class PostbackDeliveryHttpTest extends IntegrationTest {

    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    private static final Pattern SECRET = Pattern.compile("id=\"postback-secret\"[^>]*>([0-9a-f]{64})<");
    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    Partners partners;
    @Autowired
    Orders orders;
    @Autowired
    Settings settings;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Receiver receiver;
    Partner partner;
    TestHttp cabinet;

    @BeforeEach
    void setUp() {
        new TestCatalog(operator()).pmusdToBtc();
        settings.update(Map.of(Setting.POSTBACK_PRIVATE_ADDRESSES, "true"));
        receiver = Receiver.start();
        partner = PartnerFixtures.partner(partners);
        cabinet = PartnerFixtures.login(http(), partner.email());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        settings.update(Map.of(Setting.POSTBACK_PRIVATE_ADDRESSES, "false"));
    }

    /** Adds an endpoint through the cabinet form and returns its secret (shown once). */
    String addEndpoint(String url, String method, String... events) {
        assertThat(cabinet.get("/account/postbacks").statusCode()).isEqualTo(200);
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("url", url),
                Map.entry("method", method)));
        for (String e : events) {
            fields.add(Map.entry("events", e));
        }
        HttpResponse<String> posted = cabinet.postFormList("/account/postbacks", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String page = cabinet.follow(posted).body();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        assertThat(cabinet.get("/account/postbacks").body()).as("the secret is shown once")
                .doesNotContain(m.group(1)).doesNotContain("id=\"postback-secret\"");
        return m.group(1);
    }

    /** A visitor clicks the partner's link with these query parameters and orders; returns the order. */
    Order clickAndOrder(String query) {
        TestHttp browser = http().withHeader("User-Agent", CHROME);
        assertThat(browser.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC" + query).statusCode())
                .isEqualTo(302);
        browser.get("/exchange/PMUSD/BTC");
        HttpResponse<String> posted = browser.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return orders.byPublicId(m.group(1)).orElseThrow();
    }

    static void assertSigned(Receiver.Request request, String secret) {
        Matcher m = SIGNATURE.matcher(request.header(PostbackSignature.HEADER));
        assertThat(m.matches()).as(request.header(PostbackSignature.HEADER)).isTrue();
        assertThat(m.group(2)).isEqualTo(PostbackSignature.hmac(secret, m.group(1) + "." + request.body()));
        assertThat(Long.parseLong(m.group(1))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
    }

    @Test
    void aClickWithSub1AnOrderAndItsSuccessReachTheReceiverSignedOnceEach() {
        String secret = addEndpoint(receiver.url("/pb?e={event}&id={event_id}&sub1={sub1}&order={order_id}"
                + "&status={status}&give={amount_give}+{currency_give}&reward={reward}&click={click_id}&t={time}"),
                "GET", "order.created", "order.success");
        Order order = clickAndOrder("&sub1=abc&click_id=trk%201");
        List<Receiver.Request> created = receiver.await(1, r -> "order.created".equals(r.query("e")), WAIT);
        assertThat(created).hasSize(1);

        orders.changeStatus(order.id(), OrderStatus.PAID, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        List<Receiver.Request> all = receiver.await(2, r -> true, WAIT);
        assertThat(all).extracting(r -> r.query("e")).containsExactly("order.created", "order.success");
        for (Receiver.Request r : all) {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.body()).isEmpty();
            assertThat(r.query("sub1")).isEqualTo("abc");
            assertThat(r.query("click")).isEqualTo("trk 1");
            assertThat(r.query("order")).isEqualTo(Long.toString(order.id()));
            assertThat(r.query("give")).isEqualTo("100 PMUSD");
            assertThat(r.query("id")).isEqualTo(r.header("X-Ratelink-Event-Id")).matches("[0-9a-f-]{36}");
            assertSigned(r, secret);
        }
        assertThat(all.get(0).query("status")).isEqualTo("new");
        assertThat(all.get(1).query("status")).isEqualTo("success");
        assertThat(new java.math.BigDecimal(all.get(1).query("reward"))).isPositive();
        assertThat(all.get(0).query("id")).isNotEqualTo(all.get(1).query("id"));

        // Nothing more arrives: one delivery per event (paid was not subscribed).
        sleep(500);
        assertThat(receiver.requests()).hasSize(2);
        String page = cabinet.get("/account/postbacks").body();
        assertThat(page).contains("data-event-id=\"" + all.get(0).query("id") + "\"",
                "data-event-id=\"" + all.get(1).query("id") + "\"");
    }

    @Test
    void aPostEndpointGetsTheSameNamesAsJsonSignedOverTheBody() {
        String secret = addEndpoint(receiver.url("/json"), "POST", "order.created");
        Order order = clickAndOrder("&SUB2=x%22y");
        Receiver.Request r = receiver.await(1, x -> true, WAIT).get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertSigned(r, secret);
        JsonNode body = json.readTree(r.body());
        List<String> names = new ArrayList<>();
        body.propertyNames().forEach(names::add);
        assertThat(names).contains("event", "event_id", "order_id", "status", "amount_give", "currency_give",
                "amount_get", "currency_get", "reward", "sub1", "sub2", "sub3", "sub4", "sub5", "click_id", "time");
        assertThat(body.get("event").asString()).isEqualTo("order.created");
        assertThat(body.get("order_id").asString()).isEqualTo(Long.toString(order.id()));
        assertThat(body.get("sub2").asString()).isEqualTo("x\"y");
        assertThat(body.get("sub1").asString()).isEmpty();
        assertThat(body.get("currency_get").asString()).isEqualTo("BTC");
    }

    @Test
    void aReceiverAnswering500TwiceGetsTheEventOnTheThirdTry() {
        receiver.answer(500, 500);
        addEndpoint(receiver.url("/flaky?e={event}&id={event_id}"), "GET", "order.created");
        clickAndOrder("");
        List<Receiver.Request> tries = receiver.await(3, r -> true, WAIT);
        assertThat(tries).extracting(Receiver.Request::answered).containsExactly(500, 500, 200);
        assertThat(tries).extracting(r -> r.query("id")).containsOnly(tries.get(0).query("id"));
        sleep(500);
        assertThat(receiver.requests()).hasSize(3);
        assertThat(jdbc.sql("""
                SELECT d.state FROM postback_deliveries d JOIN postback_endpoints e ON e.id = d.endpoint_id
                WHERE e.partner_id = :p""").param("p", partner.id()).query(String.class).single()).isEqualTo("delivered");
        String log = cabinet.get("/account/postbacks").body();
        // The cell carries its phone label after the class (data-label), so match up to the tag's end.
        assertThat(log.split("class=\"status\"[^>]*>500<", -1)).hasSize(3);
        assertThat(log).containsPattern("class=\"status\"[^>]*>200<").contains("failure 500");
    }

    @Test
    void anEndpointFailingForTheWholePauseTimeIsPausedAndItsPartnerMailed() {
        receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        addEndpoint(receiver.url("/down"), "GET", "order.created");
        clickAndOrder("");
        long deadline = System.nanoTime() + WAIT.toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            state = jdbc.sql("SELECT paused_reason FROM postback_endpoints WHERE partner_id = :p")
                    .param("p", partner.id()).query(String.class).optional().orElse(null);
            if (state != null) {
                break;
            }
            sleep(100);
        }
        assertThat(state).isEqualTo("failing");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject LIKE '%paused%'")
                .param("to", partner.email()).query(Long.class).single()).isEqualTo(1);
        int seen = receiver.requests().size();
        sleep(600);
        assertThat(receiver.requests()).as("a paused endpoint gets nothing").hasSize(seen);
    }

    @Test
    void countedClicksAreAnnouncedOnceWithTheirSubIdsAndBotsAreNot() {
        addEndpoint(receiver.url("/c?e={event}&id={event_id}&sub1={sub1}&click={click_id}&t={time}"), "GET", "click");
        TestHttp browser = http().withHeader("User-Agent", CHROME);
        browser.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC&sub1=zzz&click_id=c-9");
        http().withHeader("User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)")
                .get("/ref/" + partner.code() + "/?sub1=bot");
        browser.get("/ref/" + partner.code() + "/?sub1=second");
        List<Receiver.Request> got = receiver.await(2, r -> "click".equals(r.query("e")), WAIT);
        assertThat(got).extracting(r -> r.query("sub1")).containsExactly("zzz", "second");
        assertThat(got.get(0).query("click")).isEqualTo("c-9");
        assertThat(got.get(0).query("id")).isNotEqualTo(got.get(1).query("id"));
        sleep(800);
        assertThat(receiver.requests()).as("each click once, the bot never").hasSize(2);
    }

    @Test
    void theTestButtonSendsATestEventAndShowsTheResult() {
        String secret = addEndpoint(receiver.url("/t?e={event}"), "GET", "order.paid");
        String page = cabinet.get("/account/postbacks").body();
        Matcher id = Pattern.compile("data-endpoint-id=\"(\\d+)\"").matcher(page);
        assertThat(id.find()).isTrue();
        HttpResponse<String> tested = cabinet.postForm("/account/postbacks/" + id.group(1) + "/test", Map.of());
        assertThat(tested.statusCode()).isEqualTo(302);
        assertThat(cabinet.follow(tested).body()).contains("id=\"postback-test-result\"", "(HTTP 200)");
        Receiver.Request r = receiver.await(1, x -> true, WAIT).get(0);
        assertThat(r.query("e")).isEqualTo("test");
        assertSigned(r, secret);
    }

    @Test
    void privateAddressesAreRefusedUnlessTheOperatorAllowsThem() {
        settings.update(Map.of(Setting.POSTBACK_PRIVATE_ADDRESSES, "false"));
        for (String url : List.of(receiver.url("/x"), "http://localhost:1/x", "http://10.1.2.3/x", "http://[::1]/x",
                "http://169.254.169.254/latest/meta-data", "ftp://example.com/x", "http://[fd00::1]/x")) {
            cabinet.get("/account/postbacks");
            HttpResponse<String> refused = cabinet.postFormList("/account/postbacks", List.of(Map.entry("url", url),
                    Map.entry("method", "GET"), Map.entry("events", "order.created")));
            assertThat(refused.statusCode()).as(url).isEqualTo(200);
            assertThat(refused.body()).as(url).contains("id=\"url-error\"").doesNotContain("id=\"postback-secret\"");
        }
        assertThat(cabinet.get("/account/postbacks").body()).contains("id=\"no-endpoints\"");

        // Saved while allowed, then the operator turns it off: the delivery is refused, nothing is sent.
        settings.update(Map.of(Setting.POSTBACK_PRIVATE_ADDRESSES, "true"));
        addEndpoint(receiver.url("/later"), "GET", "order.created");
        settings.update(Map.of(Setting.POSTBACK_PRIVATE_ADDRESSES, "false"));
        clickAndOrder("");
        long deadline = System.nanoTime() + WAIT.toNanos();
        String response = null;
        while (System.nanoTime() < deadline && response == null) {
            response = jdbc.sql("""
                    SELECT a.response FROM postback_attempts a JOIN postback_endpoints e ON e.id = a.endpoint_id
                    WHERE e.partner_id = :p ORDER BY a.id FETCH FIRST 1 ROWS ONLY""").param("p", partner.id())
                    .query(String.class).optional().orElse(null);
            sleep(50);
        }
        assertThat(response).startsWith("refused:").contains("127.0.0.1");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void theFormShowsErrorsByField() {
        cabinet.get("/account/postbacks");
        HttpResponse<String> r = cabinet.postFormList("/account/postbacks", List.of(Map.entry("url", ""),
                Map.entry("method", "PUT")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"url-error\"", "id=\"method-error\"", "id=\"events-error\"");
        cabinet.get("/account/postbacks");
        HttpResponse<String> macro = cabinet.postFormList("/account/postbacks", List.of(
                Map.entry("url", receiver.url("/?x={nope}")), Map.entry("method", "GET"),
                Map.entry("events", "order.created")));
        assertThat(macro.body()).contains("id=\"url-error\"", "{nope}");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
