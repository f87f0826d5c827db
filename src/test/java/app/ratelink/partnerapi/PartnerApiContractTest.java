package app.ratelink.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API's public contract, pinned field by field and type by type from SPEC §6 and the seed:
 * the envelope, every error text and HTTP status, get_links' items. A change of any name, type or order
 * here breaks clients written for the existing exchanger scripts.
 */
class PartnerApiContractTest extends IntegrationTest {

    static final String URL = "/service/partner/api.php";

    @Autowired
    Partners partners;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Settings settings;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Orders orders;
    @Autowired
    Payouts payouts;
    @Autowired
    app.ratelink.catalog.Catalog catalogue;

    final JsonMapper json = JsonMapper.builder().build();
    Partner partner;
    String key;

    @BeforeEach
    void partnerWithKey() {
        partner = PartnerFixtures.partner(partners);
        key = keys.create(partner.id()).key();
    }

    @AfterEach
    void defaultSettings() {
        Map<Setting, String> defaults = new LinkedHashMap<>();
        for (Setting s : List.of(Setting.MIN_PAYOUT, Setting.API_MODE, Setting.API_PARTNERS, Setting.API_FULL_IPS, Setting.MAINTENANCE,
                Setting.TIME_ZONE, Setting.API_RATE_LIMIT)) {
            defaults.put(s, s.defaultValue());
        }
        settings.update(defaults);
    }

    HttpResponse<String> get(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http().get(URL + "?" + query);
    }

    HttpResponse<String> call(String method, String... options) {
        List<String> pairs = new ArrayList<>(List.of("api_action", "pp", "api_key", key, "method", method));
        pairs.addAll(List.of(options));
        return get(pairs.toArray(String[]::new));
    }

    static String error(String text) {
        return "{\"status\":\"error\",\"error\":1,\"error_text\":\"" + text + "\",\"data\":{}}";
    }

    JsonNode data(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringWhitespace("application/json;charset=utf-8");
        JsonNode root = json.readTree(response.body());
        assertThat(fieldNames(root)).containsExactly("status", "error", "error_text", "data");
        assertThat(root.get("status").asString()).isEqualTo("success");
        assertThat(root.get("error").isInt()).isTrue();
        assertThat(root.get("error").asInt()).isZero();
        assertThat(root.get("error_text").isString()).isTrue();
        assertThat(root.get("data").isObject()).isTrue();
        return root.get("data");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    long click(Instant at, String ip, String browser, boolean counted) {
        return click(partner.id(), at, ip, browser, counted);
    }

    long click(long partnerId, Instant at, String ip, String browser, boolean counted) {
        jdbc.sql("""
                INSERT INTO clicks (partner_id, created_at, counted, not_counted, browser, user_agent, ip, referrer,
                                    query_string, user_hash, target)
                VALUES (:partner, :at, :counted, :reason, :browser, 'UA', :ip, 'https://monitor.example/',
                        'cur_from=PMUSD&cur_to=BTC', '613fe600', '/exchange/PMUSD/BTC')""")
                .param("partner", partnerId).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("counted", counted).param("reason", counted ? null : "bot").param("browser", browser)
                .param("ip", ip).update();
        return jdbc.sql("SELECT MAX(id) FROM clicks").query(Long.class).single();
    }

    // --- envelope and errors -------------------------------------------------------------------------

    @Test
    void missingWrongAndRevokedKeysAreTheSameKeyError() {
        assertThat(get("api_action", "pp", "method", "get_info").body()).isEqualTo(error("REST API key error"));
        assertThat(get("api_action", "pp", "api_key", "0123456789ab" + "0".repeat(32), "method", "get_info").body())
                .isEqualTo(error("REST API key error"));
        assertThat(get("api_action", "pp", "api_key", "garbage", "method", "get_info").statusCode()).isEqualTo(200);

        assertThat(call("get_links").statusCode()).isEqualTo(200);
        keys.revoke(partner.id(), keys.list(partner.id()).get(0).id());
        HttpResponse<String> revoked = call("get_links");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo(error("REST API key error"));
        assertThat(revoked.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringWhitespace("application/json;charset=utf-8");
    }

    @Test
    void aBannedPartnersKeyIsRefused() {
        jdbc.sql("UPDATE partners SET banned = TRUE WHERE id = :id").param("id", partner.id()).update();
        assertThat(call("get_info").body()).isEqualTo(error("REST API key error"));
    }

    @Test
    void apiOffOrMaintenanceIsApiDisabledForEveryone() {
        settings.update(Map.of(Setting.API_MODE, "off"));
        assertThat(call("get_info").body()).isEqualTo(error("Api disabled"));
        assertThat(get("api_action", "pp", "method", "get_info").body()).isEqualTo(error("Api disabled"));

        settings.update(Map.of(Setting.API_MODE, "on", Setting.MAINTENANCE, "true"));
        HttpResponse<String> maintenance = call("get_info");
        assertThat(maintenance.statusCode()).isEqualTo(200);
        assertThat(maintenance.body()).isEqualTo(error("Api disabled"));
    }

    @Test
    void selectedModeServesOnlyTheListedPartners() {
        Partner other = PartnerFixtures.partner(partners);
        settings.update(Map.of(Setting.API_MODE, "selected", Setting.API_PARTNERS, "999999, " + other.id()));
        assertThat(call("get_links").body()).isEqualTo(error("Api disabled"));

        settings.update(Map.of(Setting.API_PARTNERS, other.id() + "," + partner.id()));
        data(call("get_links"));
    }

    @Test
    void unknownActionOrMethodIs501MethodNotSupported() {
        HttpResponse<String> action = get("api_action", "xx", "api_key", key, "method", "get_info");
        assertThat(action.statusCode()).isEqualTo(501);
        assertThat(action.body()).isEqualTo(error("Method not supported"));

        HttpResponse<String> method = call("get_everything");
        assertThat(method.statusCode()).isEqualTo(501);
        assertThat(method.body()).isEqualTo(error("Method not supported"));

        assertThat(get("api_key", key, "method", "get_info").statusCode()).isEqualTo(501);
        assertThat(call("GET_INFO").statusCode()).isEqualTo(501);
    }

    @Test
    void badTimesAreInvalidParameterWithHttp200() {
        assertThat(call("get_links", "start_time", "yesterday").body())
                .isEqualTo(error("Invalid parameter: start_time"));
        assertThat(call("get_links", "start_time", "1631577601", "end_time", "1631577600").body())
                .isEqualTo(error("Invalid parameter: start_time"));
        assertThat(call("get_exchanges", "end_time", "1.5").body()).isEqualTo(error("Invalid parameter: end_time"));
        assertThat(call("get_payouts", "start_time", "-5").body()).isEqualTo(error("Invalid parameter: start_time"));
        assertThat(call("get_links", "limit", "0").body()).isEqualTo(error("Invalid parameter: limit"));
    }

    @Test
    void overTheRateLimitIs429WithRetryAfterAndTheJsonError() {
        settings.update(Map.of(Setting.API_RATE_LIMIT, "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(call("get_links").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = call("get_links");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 60L);
        assertThat(limited.body()).isEqualTo(error("Too many requests"));

        // The limit is per key: the same partner's second key has its own bucket.
        String second = keys.create(partner.id()).key();
        assertThat(get("api_action", "pp", "api_key", second, "method", "get_links").statusCode()).isEqualTo(200);
    }

    @Test
    void formPostWorksLikeGet() {
        click(Instant.parse("2021-09-14T00:00:00Z"), "198.51.100.7", "Chrome 120", true);
        HttpResponse<String> post = http().postFormRaw(URL, Map.of("api_action", "pp", "api_key", key,
                "method", "get_links"));
        assertThat(data(post).get("items").size()).isEqualTo(1);
        assertThat(post.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(post.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        HttpResponse<String> mixed = http().postFormRaw(URL + "?api_action=pp&method=get_links",
                Map.of("api_key", key));
        assertThat(data(mixed).get("items").size()).isEqualTo(1);
    }

    // --- get_links -------------------------------------------------------------------------------------

    @Test
    void getLinksMatchesTheSeedExampleFieldByField() {
        long id = click(Instant.ofEpochSecond(1631577600), "203.0.113.77", "Unknown", true);
        JsonNode items = data(call("get_links")).get("items");
        assertThat(fieldNames(items)).containsExactly(Long.toString(id));
        JsonNode item = items.get(Long.toString(id));
        assertThat(fieldNames(item)).containsExactly("id", "time", "date", "browser", "ip", "referrer", "user_hash",
                "query_string");
        assertThat(item.get("id").isIntegralNumber()).isTrue();
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("time").isIntegralNumber()).isTrue();
        assertThat(item.get("time").asLong()).isEqualTo(1631577600L);
        assertThat(item.get("date").asString()).isEqualTo("2021-09-14 00:00:00");
        assertThat(item.get("browser").asString()).isEqualTo("Unknown");
        assertThat(item.get("ip").asString()).isEqualTo("203.0.113.0");
        assertThat(item.get("referrer").asString()).isEqualTo("https://monitor.example/");
        assertThat(item.get("user_hash").asString()).isEqualTo("613fe600");
        assertThat(item.get("query_string").asString()).isEqualTo("cur_from=PMUSD&cur_to=BTC");
    }

    @Test
    void fullIpsOnlyWhenTheOperatorEnablesThem() {
        click(Instant.parse("2024-01-01T00:00:00Z"), "2001:db8:85a3:8d3:1319:8a2e:370:7348", "Chrome 120", true);
        click(Instant.parse("2024-01-01T00:00:01Z"), "192.0.2.44", "Firefox 121", true);
        JsonNode items = data(call("get_links")).get("items");
        assertThat(items.findValuesAsString("ip")).containsExactly("192.0.2.0", "2001:db8:85a3::");

        settings.update(Map.of(Setting.API_FULL_IPS, "true"));
        assertThat(data(call("get_links")).get("items").findValuesAsString("ip"))
                .containsExactly("192.0.2.44", "2001:db8:85a3:8d3:1319:8a2e:370:7348");
    }

    @Test
    void emptyResultIsAnEmptyObject() {
        HttpResponse<String> response = call("get_links");
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"error\":0,\"error_text\":\"\",\"data\":{\"items\":{}}}");
    }

    @Test
    void boundariesAreInclusiveToTheSecondAndNewestFirst() {
        long before = click(Instant.ofEpochSecond(999), "192.0.2.1", "Chrome 1", true);
        long atStart = click(Instant.ofEpochSecond(1000), "192.0.2.2", "Chrome 2", true);
        long inside = click(Instant.ofEpochSecond(1500, 500_000_000), "192.0.2.3", "Chrome 3", true);
        long atEnd = click(Instant.ofEpochSecond(2000, 999_000_000), "192.0.2.4", "Chrome 4", true);
        long after = click(Instant.ofEpochSecond(2001), "192.0.2.5", "Chrome 5", true);

        JsonNode items = data(call("get_links", "start_time", "1000", "end_time", "2000")).get("items");
        assertThat(fieldNames(items)).containsExactly(Long.toString(atEnd), Long.toString(inside), Long.toString(atStart));

        assertThat(fieldNames(data(call("get_links", "start_time", "2000")).get("items")))
                .containsExactly(Long.toString(after), Long.toString(atEnd));
        assertThat(fieldNames(data(call("get_links", "end_time", "999")).get("items")))
                .containsExactly(Long.toString(before));
        assertThat(fieldNames(data(call("get_links", "limit", "2")).get("items")))
                .containsExactly(Long.toString(after), Long.toString(atEnd));
        assertThat(fieldNames(data(call("get_links", "start_time", "1000", "end_time", "1000")).get("items")))
                .containsExactly(Long.toString(atStart));
    }

    @Test
    void botsAndOtherPartnersClicksAreNeverListed() {
        Partner other = PartnerFixtures.partner(partners);
        long mine = click(Instant.parse("2024-02-01T10:00:00Z"), "192.0.2.1", "Chrome 120", true);
        click(Instant.parse("2024-02-01T10:00:01Z"), "192.0.2.2", "Googlebot", false);
        click(other.id(), Instant.parse("2024-02-01T10:00:02Z"), "192.0.2.3", "Chrome 120", true);
        assertThat(fieldNames(data(call("get_links")).get("items"))).containsExactly(Long.toString(mine));
    }

    @Test
    void datesAreInTheConfiguredZone() {
        click(Instant.ofEpochSecond(1590356264), "192.0.2.1", "Chrome 120", true);
        settings.update(Map.of(Setting.TIME_ZONE, "Europe/Moscow"));
        JsonNode item = data(call("get_links")).get("items").values().iterator().next();
        assertThat(item.get("time").asLong()).isEqualTo(1590356264L);
        assertThat(item.get("date").asString()).isEqualTo("2020-05-25 00:37:44");
    }

    // --- get_info, get_exchanges, get_payouts, add_payout -------------------------------------------

    Order successfulOrder(RewardFixtures catalog, Partner of, String amountUsd, Instant createdAt) {
        Order order = catalog.successfulOrder(placement, orders, of.id(), amountUsd);
        if (createdAt != null) {
            jdbc.sql("UPDATE orders SET created_at = :at WHERE id = :id")
                    .param("at", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC)).param("id", order.id()).update();
        }
        return order;
    }

    PayoutMethod method(RewardFixtures catalog) {
        return payouts.methods().stream().filter(m -> m.currencyCode().equals(catalog.usd)).findFirst().orElseThrow();
    }

    @Test
    void getInfoMatchesTheSeedShape() {
        RewardFixtures catalog = new RewardFixtures(operator());
        successfulOrder(catalog, partner, "20000", null);   // 20000 × 5 % × 10 % = 100 USD
        HttpResponse<String> response = call("get_info");
        JsonNode data = data(response);
        // The seed's fields, then the reward scheme of issue 18 (pay per unique click), then the methods.
        assertThat(fieldNames(data)).containsExactly("balance", "totalReceived", "link", "min_payout", "reward_scheme",
                "unique_click_reward", "unique_clicks_earned", "items");
        assertThat(response.body()).contains("\"reward_scheme\":\"orders\",\"unique_click_reward\":0,"
                + "\"unique_clicks_earned\":0,");
        assertThat(data.get("balance").isNumber()).isTrue();
        assertThat(response.body()).contains("\"balance\":100,", "\"totalReceived\":0,", "\"min_payout\":10,");
        assertThat(data.get("link").asString()).isEqualTo(partners.link(partner)).endsWith("/ref/" + partner.code() + "/");
        assertThat(data.get("items").isObject()).isTrue();

        PayoutMethod method = method(catalog);
        JsonNode item = data.get("items").get(Long.toString(method.id()));
        assertThat(fieldNames(item)).containsExactly("id", "title", "comission", "commission", "amount");
        assertThat(item.get("id").asLong()).isEqualTo(method.id());
        assertThat(item.get("title").asString()).isEqualTo(method.title());
        assertThat(item.get("comission").asString()).isEqualTo("2%");
        assertThat(item.get("commission").asString()).isEqualTo("2%");
        assertThat(item.get("amount").isNumber()).isTrue();
        assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("98");
        assertThat(data.get("items").get(Long.toString(
                catalogue.currency(catalog.coin).orElseThrow().id()))).as("a currency without payouts is no method").isNull();
    }

    @Test
    void getExchangesPinsEveryFieldAndPlainNumbers() {
        RewardFixtures catalog = new RewardFixtures(operator());
        Order order = successfulOrder(catalog, partner, "20000", Instant.parse("2020-05-24T21:37:44Z"));
        HttpResponse<String> response = call("get_exchanges");
        JsonNode items = data(response).get("items");
        assertThat(fieldNames(items)).containsExactly(Long.toString(order.id()));
        JsonNode item = items.get(Long.toString(order.id()));
        assertThat(fieldNames(item)).containsExactly("id", "time", "date", "course_give", "course_get", "amount_give",
                "amount_get", "exchange_success", "accrued", "partner_reward", "user_hash", "currency_code_give",
                "currency_code_get", "sub1", "sub2", "sub3", "sub4", "sub5", "click_id");
        assertExchangeTypes(item);
        assertThat(item.get("id").asLong()).isEqualTo(order.id());
        assertThat(item.get("time").isIntegralNumber()).isTrue();
        assertThat(item.get("time").asLong()).isEqualTo(1590356264L);
        assertThat(item.get("date").asString()).isEqualTo("2020-05-24 21:37:44");
        assertThat(item.get("exchange_success").isInt()).isTrue();
        assertThat(item.get("exchange_success").asInt()).isEqualTo(1);
        assertThat(item.get("accrued").asInt()).isEqualTo(1);
        assertThat(item.get("user_hash").asString()).isEqualTo("ab12cd34");
        assertThat(item.get("currency_code_give").asString()).isEqualTo(catalog.usd);
        assertThat(item.get("currency_code_get").asString()).isEqualTo(catalog.coin);
        // Plain decimal JSON numbers: 100 never "1E+2", 0.4 never a string.
        assertThat(response.body()).contains("\"course_give\":50000,", "\"course_get\":1,", "\"amount_give\":20000,",
                "\"amount_get\":0.4,", "\"partner_reward\":100,").doesNotContain("E+", "E-");

        orders.changeStatus(order.id(), OrderStatus.REFUNDED, "test", "");
        JsonNode refunded = data(call("get_exchanges")).get("items").get(Long.toString(order.id()));
        assertThat(refunded.get("exchange_success").asInt()).isZero();
        assertThat(refunded.get("accrued").asInt()).isZero();
    }

    /** The type of every field of a get_exchanges item: the seed's, then the sub-IDs as strings. */
    static void assertExchangeTypes(JsonNode item) {
        assertThat(item.get("id").isIntegralNumber()).as("id").isTrue();
        assertThat(item.get("time").isIntegralNumber()).as("time").isTrue();
        assertThat(item.get("date").isString()).as("date").isTrue();
        for (String number : List.of("course_give", "course_get", "amount_give", "amount_get", "partner_reward")) {
            assertThat(item.get(number).isNumber()).as(number).isTrue();
        }
        for (String flag : List.of("exchange_success", "accrued")) {
            assertThat(item.get(flag).isInt()).as(flag).isTrue();
        }
        for (String text : List.of("user_hash", "currency_code_give", "currency_code_get", "sub1", "sub2", "sub3",
                "sub4", "sub5", "click_id")) {
            assertThat(item.get(text).isString()).as(text).isTrue();
        }
    }

    @Test
    void getExchangesCarryTheSubIdsOfTheClickAsStringsEmptyWhenAbsent() {
        RewardFixtures catalog = new RewardFixtures(operator());
        Order plain = successfulOrder(catalog, partner, "100", Instant.parse("2024-01-01T00:00:00Z"));
        Order tagged = placement.place(new app.ratelink.order.OrderForm(catalog.usd, catalog.coin, "100",
                        "bc1qclientwallet", "client@example.test", null),
                new app.ratelink.order.OrderClient("192.0.2.10", "Mozilla/5.0", "visitor", new app.ratelink.order.Referral(
                        partner.id(), null, "ab12cd34", new app.ratelink.order.SubIds("abc", "", "42", "", "ü \"q\"",
                        "trk-1"))));
        HttpResponse<String> response = call("get_exchanges");
        JsonNode items = data(response).get("items");
        assertThat(fieldNames(items)).containsExactly(Long.toString(tagged.id()), Long.toString(plain.id()));
        JsonNode item = items.get(Long.toString(tagged.id()));
        assertThat(fieldNames(item)).endsWith("currency_code_get", "sub1", "sub2", "sub3", "sub4", "sub5", "click_id");
        assertExchangeTypes(item);
        assertThat(item.get("sub1").asString()).isEqualTo("abc");
        assertThat(item.get("sub2").asString()).isEmpty();
        assertThat(item.get("sub3").asString()).isEqualTo("42");
        assertThat(item.get("sub5").asString()).isEqualTo("ü \"q\"");
        assertThat(item.get("click_id").asString()).isEqualTo("trk-1");
        assertThat(response.body()).contains("\"sub3\":\"42\"");
        JsonNode none = items.get(Long.toString(plain.id()));
        assertExchangeTypes(none);
        for (String name : List.of("sub1", "sub2", "sub3", "sub4", "sub5", "click_id")) {
            assertThat(none.get(name).asString()).as(name).isEmpty();
        }
    }

    @Test
    void getExchangesBoundariesAreInclusive() {
        RewardFixtures catalog = new RewardFixtures(operator());
        Order before = successfulOrder(catalog, partner, "100", Instant.ofEpochSecond(999));
        Order atStart = successfulOrder(catalog, partner, "100", Instant.ofEpochSecond(1000));
        Order atEnd = successfulOrder(catalog, partner, "100", Instant.ofEpochSecond(2000, 500_000_000));
        Order after = successfulOrder(catalog, partner, "100", Instant.ofEpochSecond(2001));
        assertThat(fieldNames(data(call("get_exchanges", "start_time", "1000", "end_time", "2000")).get("items")))
                .containsExactly(Long.toString(atEnd.id()), Long.toString(atStart.id()));
        assertThat(fieldNames(data(call("get_exchanges", "limit", "1")).get("items")))
                .containsExactly(Long.toString(after.id()));
        assertThat(fieldNames(data(call("get_exchanges", "end_time", "999")).get("items")))
                .containsExactly(Long.toString(before.id()));
    }

    @Test
    void addPayoutAndGetPayouts() {
        RewardFixtures catalog = new RewardFixtures(operator());
        PayoutMethod method = method(catalog);
        assertThat(call("add_payout", "method_id", Long.toString(method.id()), "account", "U1234567").body())
                .isEqualTo(error("Error! There is not enough money on your balance"));

        successfulOrder(catalog, partner, "20000", null);
        assertThat(call("add_payout", "method_id", Long.toString(method.id()), "account", "nope").body())
                .isEqualTo(error("Error! Invalid wallet account"));
        assertThat(call("add_payout", "method_id", Long.toString(catalogue.currency(catalog.coin).orElseThrow().id()), "account", "U1234567").body())
                .isEqualTo(error("Error! Selected currency can not be ordered payment"));
        assertThat(call("add_payout", "method_id", "first", "account", "U1234567").body())
                .isEqualTo(error("Invalid parameter: method_id"));

        HttpResponse<String> added = http().postFormRaw(URL, Map.of("api_action", "pp", "api_key", key,
                "method", "add_payout", "method_id", Long.toString(method.id()), "account", "U1234567"));
        JsonNode root = json.readTree(added.body());
        assertThat(root.get("status").asString()).isEqualTo("success");
        assertThat(root.get("error").asInt()).isZero();
        assertThat(root.get("error_text").asString()).isEqualTo("Payout is successfully requested");
        assertThat(fieldNames(root.get("data"))).containsExactly("payout_id");
        long payoutId = root.get("data").get("payout_id").asLong();
        assertThat(root.get("data").get("payout_id").isIntegralNumber()).isTrue();

        JsonNode items = data(call("get_payouts")).get("items");
        assertThat(fieldNames(items)).containsExactly(Long.toString(payoutId));
        JsonNode item = items.get(Long.toString(payoutId));
        assertThat(fieldNames(item)).containsExactly("id", "time", "date", "method_id", "account", "pay_amount",
                "pay_currency_code", "original_amount", "original_currency_code", "status");
        assertThat(item.get("method_id").asLong()).isEqualTo(method.id());
        assertThat(item.get("account").asString()).isEqualTo("U1234567");
        assertThat(item.get("pay_amount").decimalValue()).isEqualByComparingTo("98");
        assertThat(item.get("pay_currency_code").asString()).isEqualTo(catalog.usd);
        assertThat(item.get("original_amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(item.get("original_currency_code").asString()).isEqualTo("USD");
        assertThat(item.get("status").isInt()).isTrue();
        assertThat(item.get("status").asInt()).isZero();

        JsonNode info = data(call("get_info"));
        assertThat(info.get("balance").decimalValue()).isEqualByComparingTo("0");
        payouts.pay(payoutId, "admin", "");
        assertThat(data(call("get_info")).get("totalReceived").decimalValue()).isEqualByComparingTo("100");
        assertThat(data(call("get_payouts")).get("items").get(Long.toString(payoutId)).get("status").asInt()).isEqualTo(1);
    }

    @Test
    void aPartnerSeesOnlyItsOwnClicksExchangesAndPayouts() {
        RewardFixtures catalog = new RewardFixtures(operator());
        Partner other = PartnerFixtures.partner(partners);
        Order mine = successfulOrder(catalog, partner, "20000", null);
        successfulOrder(catalog, other, "20000", null);
        long myClick = click(Instant.parse("2024-03-01T00:00:00Z"), "192.0.2.1", "Chrome 120", true);
        click(other.id(), Instant.parse("2024-03-01T00:00:00Z"), "192.0.2.2", "Chrome 120", true);
        long myPayout = payouts.request(partner.id(), method(catalog).id(), "U1234567");
        payouts.request(other.id(), method(catalog).id(), "U7654321");

        assertThat(fieldNames(data(call("get_exchanges")).get("items"))).containsExactly(Long.toString(mine.id()));
        assertThat(fieldNames(data(call("get_links")).get("items"))).containsExactly(Long.toString(myClick));
        assertThat(fieldNames(data(call("get_payouts")).get("items"))).containsExactly(Long.toString(myPayout));
    }
}
