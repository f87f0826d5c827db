package app.ratelink.reward.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.system.CsvRecord;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Cabinet → Exchanges and its CSV through real HTTP and the partner's login. */
class CabinetExchangesHttpTest extends IntegrationTest {

    @Autowired OrderPlacement placement;
    @Autowired Orders orders;
    @Autowired Partners partners;
    @Autowired Clock clock;
    @Autowired Settings settings;
    @Autowired JdbcClient jdbc;

    RewardFixtures fixtures;
    Partner partner;

    @BeforeEach
    void setUp() {
        fixtures = new RewardFixtures(operator());
        partner = PartnerFixtures.partner(partners);
    }

    private Order order(Partner p, String amount) {
        return fixtures.order(placement, p.id(), amount, "client@example.test");
    }

    private void status(Order order, OrderStatus... statuses) {
        for (OrderStatus s : statuses) {
            orders.changeStatus(order.id(), s, "test", "");
        }
    }

    private static String row(String body, long id) {
        int start = body.indexOf("data-order-id=\"" + id + "\"");
        assertThat(start).as("order " + id).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private static String cell(String row, String cls) {
        Matcher m = Pattern.compile("class=\"[^\"]*\\b" + cls + "\"[^>]*>([^<]*)<").matcher(row);
        assertThat(m.find()).as(cls + " in " + row).isTrue();
        return m.group(1);
    }

    @Test
    void theOrdersShowRewardSuccessAndAccruedOnlyOfThisPartner() {
        Order credited = order(partner, "1000");
        status(credited, OrderStatus.PAID, OrderStatus.SUCCESS);
        Order open = order(partner, "2000");
        Order refunded = order(partner, "3000");
        status(refunded, OrderStatus.PAID, OrderStatus.SUCCESS, OrderStatus.REFUNDED);
        Partner other = PartnerFixtures.partner(partners);
        Order foreign = order(other, "1000");

        HttpResponse<String> page = PartnerFixtures.login(http(), partner.email()).get("/account/exchanges");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).doesNotContain("data-order-id=\"" + foreign.id() + "\"");
        assertThat(cell(row(body, credited.id()), "reward")).isEqualTo("5");
        assertThat(cell(row(body, credited.id()), "success")).isEqualTo("yes");
        assertThat(cell(row(body, credited.id()), "accrued")).isEqualTo("yes");
        assertThat(cell(row(body, open.id()), "reward")).isEqualTo("10");
        assertThat(cell(row(body, open.id()), "success")).isEqualTo("no");
        assertThat(cell(row(body, open.id()), "accrued")).isEqualTo("no");
        assertThat(cell(row(body, refunded.id()), "reward")).isEqualTo("15");
        assertThat(cell(row(body, refunded.id()), "success")).isEqualTo("no");
        assertThat(cell(row(body, refunded.id()), "accrued")).isEqualTo("no");
        assertThat(row(body, credited.id())).contains("1000 " + fixtures.usd).contains(fixtures.usd + " → " + fixtures.coin);
        // Newest first.
        assertThat(body.indexOf("data-order-id=\"" + refunded.id() + "\""))
                .isLessThan(body.indexOf("data-order-id=\"" + credited.id() + "\""));
        assertThat(body).contains("id=\"earned\">5 USD<").doesNotContain("id=\"exchanges-more\"");
    }

    @Test
    void theDateFilterIsInclusiveAndTheCsvFollowsIt() {
        Order credited = order(partner, "1000");
        status(credited, OrderStatus.PAID, OrderStatus.SUCCESS);
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1).toString();
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());

        assertThat(cabinet.get("/account/exchanges?from=" + today + "&to=" + today).body())
                .contains("data-order-id=\"" + credited.id() + "\"");
        assertThat(cabinet.get("/account/exchanges?from=" + tomorrow).body()).contains("id=\"no-exchanges\"");
        assertThat(cabinet.get("/account/exchanges?to=" + yesterday).body()).contains("id=\"no-exchanges\"");
        assertThat(cabinet.get("/account/exchanges?from=not-a-date").body())
                .contains("data-order-id=\"" + credited.id() + "\"");

        HttpResponse<String> csv = cabinet.get("/account/exchanges.csv?from=" + today + "&to=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("exchanges.csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("\"id\",\"time\",\"currency_code_give\",\"currency_code_get\",\"amount_give\","
                + "\"amount_get\",\"course_give\",\"course_get\",\"partner_reward\",\"exchange_success\",\"accrued\",\"user_hash\","
                + "\"sub1\",\"sub2\",\"sub3\",\"sub4\",\"sub5\",\"click_id\"");
        assertThat(lines.get(1)).startsWith("\"" + credited.id() + "\",\"" + today + " ")
                .contains("\"" + fixtures.usd + "\",\"" + fixtures.coin + "\",\"1000\",\"0.02\",")
                .contains(",\"5\",\"1\",\"1\",");
        assertThat(cabinet.get("/account/exchanges.csv?from=" + tomorrow).body().split("\r\n")).hasSize(1);
    }

    @Test
    void subIdsAreShownFilteredAndExported() {
        Order tagged = placement.place(new app.ratelink.order.OrderForm(fixtures.usd, fixtures.coin, "1000",
                        "bc1qclientwallet", "client@example.test", null),
                new app.ratelink.order.OrderClient("192.0.2.10", "Mozilla/5.0", "visitor", new app.ratelink.order.Referral(
                        partner.id(), null, "ab12cd34", new app.ratelink.order.SubIds("abc", "", "", "", "", "trk-7"))));
        Order plain = order(partner, "1000");
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());

        String all = cabinet.get("/account/exchanges").body();
        assertThat(cell(row(all, tagged.id()), "sub1")).isEqualTo("abc");
        assertThat(cell(row(all, tagged.id()), "click_id")).isEqualTo("trk-7");
        assertThat(cell(row(all, plain.id()), "sub1")).isEmpty();
        assertThat(all).contains("name=\"sub1\"", "name=\"sub5\"", "name=\"click_id\"");

        String bySub1 = cabinet.get("/account/exchanges?sub1=abc").body();
        assertThat(bySub1).contains("data-order-id=\"" + tagged.id() + "\"")
                .doesNotContain("data-order-id=\"" + plain.id() + "\"");
        assertThat(cabinet.get("/account/exchanges?sub1=abc&click_id=other").body()).contains("id=\"no-exchanges\"");
        assertThat(cabinet.get("/account/exchanges?click_id=trk-7").body())
                .contains("data-order-id=\"" + tagged.id() + "\"");

        List<String> lines = Arrays.asList(cabinet.get("/account/exchanges.csv?sub1=abc").body().split("\r\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("\"" + tagged.id() + "\",").endsWith(",\"abc\",\"\",\"\",\"\",\"\",\"trk-7\"");
        assertThat(cabinet.get("/account/exchanges.csv").body().split("\r\n")).hasSize(3);
    }

    @Test
    void thePageShowsTheNewest200AndTheCsvTheWholeRange() {
        for (int i = 0; i < CabinetExchangesController.PAGE + 1; i++) {
            order(partner, "100");
        }
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        String body = cabinet.get("/account/exchanges").body();
        assertThat(body.split("data-order-id=", -1)).hasSize(CabinetExchangesController.PAGE + 1);
        assertThat(body).contains("id=\"exchanges-more\"");
        assertThat(cabinet.get("/account/exchanges.csv").body().split("\r\n")).hasSize(CabinetExchangesController.PAGE + 2);
    }

    @Test
    void theTermsShowThePercentTheTurnoverAndTheNextLevel() {
        settings.update(Map.of(Setting.REWARD_LEVELS, "0:10, 1500:20"));
        try {
            status(order(partner, "1000"), OrderStatus.PAID, OrderStatus.SUCCESS);
            TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
            String body = cabinet.get("/account/exchanges").body();
            assertThat(body).contains("id=\"reward-percent\">10%<").contains("id=\"turnover\">1000 USD<")
                    .contains("Next level: 20% from 1500 USD of turnover.").contains("of the exchanger&#39;s profit");

            status(order(partner, "500"), OrderStatus.PAID, OrderStatus.SUCCESS);
            body = cabinet.get("/account/exchanges").body();
            assertThat(body).contains("id=\"reward-percent\">20%<").contains("id=\"turnover\">1500 USD<")
                    .doesNotContain("id=\"next-level\"");

            // A personal percent outranks the levels: no turnover, no next level.
            jdbc.sql("UPDATE partners SET reward_percent = 30 WHERE id = :id").param("id", partner.id()).update();
            body = cabinet.get("/account/exchanges").body();
            assertThat(body).contains("Your personal reward:").contains("id=\"reward-percent\">30%<")
                    .doesNotContain("id=\"turnover\"").doesNotContain("id=\"next-level\"");
        } finally {
            settings.update(Map.of(Setting.REWARD_LEVELS, Setting.REWARD_LEVELS.defaultValue()));
        }
    }

    @Test
    void csvCellsNeverRunAsFormulas() {
        assertThat(CsvRecord.of("=1+1", "-2", "a\"b", null, "plain")).isEqualTo("\"'=1+1\",\"'-2\",\"a\"\"b\",\"\",\"plain\"\r\n");
    }
}
