package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.ratelink.catalog.Reserves;
import app.ratelink.feed.FeedRobots;
import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.Referral;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.MutableClock;
import app.ratelink.testing.TestHttp;

/**
 * {@code GET /api/operator/v1/dashboard} and {@code /admin} against a fixed data set in a database of their
 * own, at a pinned time in a site time zone east of UTC (Moscow, UTC+3): periods are calendar days there,
 * figures are exact to the cent.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:ratelink-dashboard;DB_CLOSE_DELAY=-1")
@Import(DashboardHttpTest.PinnedClock.class)
class DashboardHttpTest extends IntegrationTest {

    /** 13:00 in Moscow on 15 June 2026. */
    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class PinnedClock {
        @Bean
        @Primary
        MutableClock pinnedClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Settings settings;

    @Autowired
    OrderPlacement placement;

    @Autowired
    Orders orders;

    @Autowired
    Partners partners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reserves reserves;

    /** Holds of orders that exist only in reserve_holds, as a paid order's hold stands there. */
    static final long HELD_ORDER = 9_000_001L;

    @Autowired
    FeedRobots robots;

    static boolean loaded;
    static long partnerId;

    /**
     * Currencies DA (USD value 1, alert below 10, reserve 100000), DB (a coin worth 50000, reserve 0.5 under
     * its alert of 1), DC (a rouble worth 0.0125, reserve 0); directions DA→DB at 5 % profit, DC→DA at 2.5 %,
     * DB→DA switched off, DA→DC with no reserve to give. Successful orders: today 1000 DA, 8000 DC (100 USD),
     * 123.45 DA at 00:30 Moscow; yesterday 23:30 Moscow (still 14 June UTC too) 200 DA; 20 days ago 4000 DC
     * (50 USD); 40 days ago 999 DA. Paid and waiting: 333.33 DA five days ago. New, referred: today at 12:55.
     * Partner clicks: 8 today, 12 three days ago, 30 twenty-five days ago. Payouts: 10.50 and 4.25 pending,
     * 99 paid. DD and DE (no directions) have a base reserve of 5 above their alert of 3; 3.50 of DD is held
     * (available 1.50, low), 1.50 of DE (available 3.50, not low). Feed profiles, by their robots' last poll:
     * dash-lone 45 minutes ago, dash-silent (the partner's monitoring) 31 minutes ago by the later of two robots,
     * dash-edge exactly 30 minutes ago, dash-fresh 10 minutes ago (counted in memory), dash-off (not served) two
     * hours ago, dash-never never.
     */
    @BeforeEach
    void fixedDataSet() {
        if (loaded) {
            return;
        }
        clock.set(NOW.minus(Duration.ofDays(45)));
        settings.update(Map.of(Setting.TIME_ZONE, "Europe/Moscow"));
        TestHttp op = operator();
        put(op, "/api/operator/v1/currencies/DA", """
                {"name":"Dollar A","unit":"USD","scale":2,"reserve":100000,"usdRate":1,"active":true,"payoutAllowed":true,
                 "payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":"","reserveAlert":10}""");
        put(op, "/api/operator/v1/currencies/DB", """
                {"name":"Coin B","unit":"BTC","scale":8,"reserve":0.5,"usdRate":50000,"active":true,"payoutAllowed":false,
                 "payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":"","reserveAlert":1}""");
        put(op, "/api/operator/v1/currencies/DC", """
                {"name":"Rouble C","unit":"RUB","scale":2,"reserve":0,"usdRate":0.0125,"active":true,"payoutAllowed":false,
                 "payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":""}""");
        put(op, "/api/operator/v1/currencies/DD", """
                {"name":"Held D","unit":"EUR","scale":2,"reserve":5,"usdRate":1,"active":true,"payoutAllowed":false,
                 "payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":"","reserveAlert":3}""");
        put(op, "/api/operator/v1/currencies/DE", """
                {"name":"Held E","unit":"EUR","scale":2,"reserve":5,"usdRate":1,"active":true,"payoutAllowed":false,
                 "payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":"","reserveAlert":3}""");
        reserves.hold(HELD_ORDER, "DD", new BigDecimal("3.50"));
        reserves.hold(HELD_ORDER + 1, "DE", new BigDecimal("1.50"));
        direction(op, "DA", "DB", "50000", "1", "5", true);
        direction(op, "DC", "DA", "80", "1", "2.5", true);
        direction(op, "DB", "DA", "1", "50000", "1", false);
        direction(op, "DA", "DC", "1", "80", "1", true);
        Partner partner = PartnerFixtures.partner(partners);
        partnerId = partner.id();

        success(NOW.minus(Duration.ofDays(40)), "DA", "DB", "999", null);
        success(NOW.minus(Duration.ofDays(20)), "DC", "DA", "4000", null);
        success(Instant.parse("2026-06-14T20:30:00Z"), "DA", "DB", "200", null);
        success(Instant.parse("2026-06-14T21:30:00Z"), "DA", "DB", "123.45", null);
        success(Instant.parse("2026-06-15T06:00:00Z"), "DA", "DB", "1000", partnerId);
        success(Instant.parse("2026-06-15T07:00:00Z"), "DC", "DA", "8000", null);
        Order paid = place(NOW.minus(Duration.ofDays(5)), "DA", "DB", "333.33", partnerId);
        orders.changeStatus(paid.id(), OrderStatus.PAID, "test", "");
        place(NOW.minus(Duration.ofMinutes(5)), "DA", "DB", "50", partnerId);
        clock.set(NOW);

        clicks(TODAY, 8);
        clicks(TODAY.minusDays(3), 12);
        clicks(TODAY.minusDays(25), 30);
        payout(0, "10.50");
        payout(0, "4.25");
        payout(1, "99");

        feed(op, "dash-lone", "Lone feed", null, true);
        feed(op, "dash-silent", "Silent monitoring", partnerId, true);
        feed(op, "dash-edge", "Edge feed", null, true);
        feed(op, "dash-fresh", "Fresh feed", null, true);
        feed(op, "dash-off", "Switched off", null, false);
        feed(op, "dash-never", "Never polled", null, true);
        robot("dash-lone", "198.51.100.1", NOW.minus(Duration.ofMinutes(45)));
        robot("dash-silent", "198.51.100.2", NOW.minus(Duration.ofHours(2)));
        robot("dash-silent", "198.51.100.3", NOW.minus(Duration.ofMinutes(31)));
        robot("dash-edge", "198.51.100.4", NOW.minus(Duration.ofMinutes(30)));
        robot("dash-fresh", "198.51.100.5", NOW.minus(Duration.ofHours(3)));
        robot("dash-off", "198.51.100.6", NOW.minus(Duration.ofHours(2)));
        // Counted by this node, not stored yet (or stored by the next flush): it polled 10 minutes ago.
        clock.set(NOW.minus(Duration.ofMinutes(10)));
        robots.record("dash-fresh", "198.51.100.7", "FreshParser/1", 200, 100);
        clock.set(NOW);
        loaded = true;
    }

    static void feed(TestHttp op, String code, String name, Long partner, boolean enabled) {
        put(op, "/api/operator/v1/feeds/" + code, "{\"name\":\"%s\",\"enabled\":%s%s}".formatted(name, enabled,
                partner == null ? "" : ",\"partnerId\":" + partner));
    }

    void robot(String profile, String address, Instant lastSeen) {
        jdbc.sql("""
                INSERT INTO feed_robots (profile_code, address, user_agent, requests, not_modified, bytes, last_status,
                                         first_seen, last_seen, last_ok)
                VALUES (:p, :a, 'Parser/2', 10, 0, 1000, 200, :first, :last, :last)""")
                .param("p", profile).param("a", address).param("first", SqlTime.of(lastSeen.minus(Duration.ofDays(1))))
                .param("last", SqlTime.of(lastSeen)).update();
    }

    static void put(TestHttp op, String path, String body) {
        HttpResponse<String> r = op.json("PUT", path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static void direction(TestHttp op, String from, String to, String in, String out, String profit, boolean active) {
        put(op, "/api/operator/v1/directions/" + from + "/" + to, """
                {"in":%s,"out":%s,"minAmount":10,"maxAmount":100000,"profitPercent":%s,"flags":[],"cities":[],
                 "active":%s}""".formatted(in, out, profit, active));
    }

    Order place(Instant at, String from, String to, String amount, Long partner) {
        clock.set(at);
        return placement.place(new OrderForm(from, to, amount, "ACCOUNT1", "client@example.test", null),
                new OrderClient("192.0.2.7", "UA", "v", partner == null ? null : new Referral(partner, null, "hash")));
    }

    void success(Instant at, String from, String to, String amount, Long partner) {
        Order o = place(at, from, to, amount, partner);
        orders.changeStatus(o.id(), OrderStatus.PAID, "test", "");
        orders.changeStatus(o.id(), OrderStatus.SUCCESS, "test", "");
    }

    void clicks(LocalDate day, long n) {
        jdbc.sql("INSERT INTO click_days (partner_id, click_day, clicks, visitors, not_counted) VALUES (:p, :d, :n, :n, 0)")
                .param("p", partnerId).param("d", Date.valueOf(day)).param("n", n).update();
    }

    void payout(int status, String amount) {
        jdbc.sql("""
                INSERT INTO payouts (partner_id, method_id, currency_code, account, original_amount, fee_percent,
                                     pay_amount, status, created_at)
                VALUES (:p, 1, 'DA', 'U1', :a, 0, :a, :s, :at)""")
                .param("p", partnerId).param("a", new BigDecimal(amount)).param("s", status)
                .param("at", java.sql.Timestamp.from(NOW)).update();
    }

    JsonNode dashboard() {
        HttpResponse<String> r = operator().get("/api/operator/v1/dashboard");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void periodsAreCalendarDaysOfTheSiteTimeZoneWithFiguresToTheCent() {
        JsonNode d = dashboard();
        assertThat(d.get("zone").asString()).isEqualTo("Europe/Moscow");
        assertThat(d.get("baseCurrency").asString()).isEqualTo("USD");

        JsonNode today = d.get("today");
        assertThat(today.get("from").asString()).isEqualTo("2026-06-14T21:00:00Z");
        assertThat(today.get("ordersByStatus").get("success").asLong()).isEqualTo(3);
        assertThat(today.get("ordersByStatus").get("new").asLong()).isEqualTo(1);
        assertThat(today.get("ordersByStatus").get("paid").asLong()).isZero();
        assertThat(today.get("orders").asLong()).isEqualTo(4);
        // 1000 + 100 + 123.45; 5 % of 1123.45 + 2.5 % of 100 = 56.1725 + 2.5
        assertThat(today.get("turnover").decimalValue()).isEqualByComparingTo("1223.45");
        assertThat(today.get("profit").decimalValue()).isEqualByComparingTo("58.67");
        assertThat(today.get("turnover").toString()).isEqualTo("1223.45");
        // 2 referred orders of 8 clicks
        assertThat(today.get("conversion").decimalValue()).isEqualByComparingTo("25.00");

        JsonNode week = d.get("last7Days");
        assertThat(week.get("firstDay").asString()).isEqualTo("2026-06-09");
        assertThat(week.get("ordersByStatus").get("success").asLong()).isEqualTo(4);
        assertThat(week.get("ordersByStatus").get("paid").asLong()).isEqualTo(1);
        assertThat(week.get("turnover").decimalValue()).isEqualByComparingTo("1423.45");
        assertThat(week.get("profit").decimalValue()).isEqualByComparingTo("68.67");
        assertThat(week.get("clicks").asLong()).isEqualTo(20);
        assertThat(week.get("referredOrders").asLong()).isEqualTo(3);
        assertThat(week.get("conversion").decimalValue()).isEqualByComparingTo("15.00");

        JsonNode month = d.get("last30Days");
        assertThat(month.get("ordersByStatus").get("success").asLong()).isEqualTo(5);
        assertThat(month.get("turnover").decimalValue()).isEqualByComparingTo("1473.45");
        assertThat(month.get("profit").decimalValue()).isEqualByComparingTo("69.92");
        assertThat(month.get("clicks").asLong()).isEqualTo(50);
        assertThat(month.get("conversion").decimalValue()).isEqualByComparingTo("6.00");
    }

    @Test
    void whatNeedsDoingLinksToThePageThatResolvesIt() {
        JsonNode d = dashboard();
        assertThat(d.get("ordersWaiting").get("paid").asLong()).isEqualTo(1);
        assertThat(d.get("ordersWaiting").get("link").asString()).isEqualTo("/admin/orders?status=paid");
        assertThat(d.get("pendingPayouts").get("count").asLong()).isEqualTo(2);
        assertThat(d.get("pendingPayouts").get("sum").decimalValue()).isEqualByComparingTo("14.75");
        assertThat(d.get("lowReserves").toString()).isEqualTo("[\"DB\",\"DD\"]");
        assertThat(d.get("lowReserveDetails").get(0).get("link").asString()).isEqualTo("/admin/currencies/DB");
        JsonNode out = d.get("outOfFeed");
        assertThat(out.toString()).contains("{\"from\":\"DA\",\"to\":\"DC\",\"reason\":\"no-reserve\","
                        + "\"link\":\"/admin/directions/DA/DC\"}")
                .contains("{\"from\":\"DB\",\"to\":\"DA\",\"reason\":\"inactive\",\"link\":\"/admin/directions/DB/DA\"}");
        assertThat(out.size()).isEqualTo(2);
        assertThat(http().get("/api/operator/v1/dashboard").statusCode()).isEqualTo(401);
    }

    @Test
    void aReserveIsLowWhenWhatIsAvailableAfterTheHoldsIsBelowItsAlertNotTheBase() {
        JsonNode dd = dashboard().get("lowReserveDetails").get(1);
        assertThat(dd.get("code").asString()).isEqualTo("DD");
        assertThat(dd.get("reserve").decimalValue()).isEqualByComparingTo("5");
        assertThat(dd.get("available").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(dd.get("reserveAlert").decimalValue()).isEqualByComparingTo("3");
        assertThat(dd.get("link").asString()).isEqualTo("/admin/currencies/DD");
        assertThat(dashboard().get("lowReserves").toString()).doesNotContain("DE");
        String page = admin().get("/admin").body();
        assertThat(page).contains("href=\"/admin/currencies/DD\"").doesNotContain("href=\"/admin/currencies/DE\"")
                .contains("DD: 1.5 available (alert below 3)");
    }

    @Test
    void servedFeedsNoRobotHasPolledForThirtyMinutesLinkToTheirMonitoringOrRobots() {
        JsonNode d = dashboard();
        JsonNode unpolled = d.get("unpolledFeeds");
        assertThat(unpolled.size()).as(unpolled.toString()).isEqualTo(2);
        assertThat(unpolled.get(0).get("code").asString()).isEqualTo("dash-lone");
        assertThat(unpolled.get(0).get("name").asString()).isEqualTo("Lone feed");
        assertThat(unpolled.get(0).get("partnerId").isNull()).isTrue();
        assertThat(unpolled.get(0).get("lastPoll").asString()).isEqualTo("2026-06-15T09:15:00Z");
        assertThat(unpolled.get(0).get("link").asString()).isEqualTo("/admin/feeds/dash-lone");
        assertThat(unpolled.get(1).get("code").asString()).isEqualTo("dash-silent");
        assertThat(unpolled.get(1).get("partnerId").asLong()).isEqualTo(partnerId);
        assertThat(unpolled.get(1).get("lastPoll").asString()).isEqualTo("2026-06-15T09:29:00Z");
        assertThat(unpolled.get(1).get("link").asString()).isEqualTo("/admin/monitorings/" + partnerId);
        // Every field there was before is still there.
        assertThat(d.propertyNames()).contains("at", "zone", "baseCurrency", "today", "last7Days", "last30Days",
                "ordersWaiting", "pendingPayouts", "lowReserves", "lowReserveDetails", "outOfFeed");

        String page = admin().get("/admin").body();
        assertThat(page).contains("data-feed=\"dash-lone\"", "href=\"/admin/feeds/dash-lone\"",
                        "Lone feed (last poll 2026-06-15 12:15)", "href=\"/admin/monitorings/" + partnerId + "\"",
                        "Feeds no robot has polled for 30 minutes:")
                .doesNotContain("data-feed=\"dash-edge\"", "data-feed=\"dash-fresh\"", "data-feed=\"dash-off\"",
                        "data-feed=\"dash-never\"");
        assertThat(admin().withHeader("Accept-Language", "ru").get("/admin").body())
                .contains("Lone feed (последний опрос 15.06.2026 12:15)");
    }

    @Test
    void theAdminMenuLinksToTheMonitorings() {
        assertThat(admin().get("/admin").body()).contains("href=\"/admin/monitorings\">Monitorings<");
    }

    @Test
    void theAdminPageShowsTheSameFiguresAndLinks() {
        String page = admin().get("/admin").body();
        assertThat(page).contains("id=\"turnover-today\">1223.45<").contains("id=\"profit-last7Days\">68.67<")
                .contains("id=\"conversion-last30Days\">6 %<").contains("id=\"count-total\">4<")
                .contains("id=\"count-success\">3<")
                .contains("href=\"/admin/orders?status=paid\"").contains("href=\"/admin/payouts?status=0\"")
                .contains("href=\"/admin/currencies/DB\"").contains("href=\"/admin/directions/DA/DC\"")
                .contains("2 payouts pending: 14.75 USD").contains("1 order paid, waiting");
    }

    @Test
    void aReserveAlertIsSetThroughTheCurrencyApiAndReadBack() {
        HttpResponse<String> got = operator().get("/api/operator/v1/currencies/DB");
        assertThat(JSON.readTree(got.body()).get("reserveAlert").decimalValue()).isEqualByComparingTo("1");
        HttpResponse<String> bad = operator().json("PUT", "/api/operator/v1/currencies/DA", "{\"reserveAlert\":-1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("reserveAlert");
        TestHttp admin = admin();
        assertThat(admin.get("/admin/currencies/DB").body()).containsPattern("id=\"reserveAlert\" name=\"reserveAlert\"[^>]*value=\"1\"");
    }
}
