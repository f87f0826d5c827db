package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Pay per unique click (issue 18): real clicks through the partner link, then the crediting job as it runs the
 * next day (its clock a day ahead): one credit per counted unique visitor per day, bots and prefetch never
 * counted, idempotent when the job runs again, runs as a second node, or runs in two threads at once.
 */
class UniqueClickRewardsTest extends IntegrationTest {

    @Autowired
    Partners partners;
    @Autowired
    Partnerships partnerships;
    @Autowired
    PartnerStatistics statistics;
    @Autowired
    UniqueClickCreditRepository credits;
    @Autowired
    Ledger ledger;
    @Autowired
    Settings settings;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Orders orders;

    /** The job as another node runs it, a day (and the settling time) after today's clicks. */
    UniqueClickRewards nextDayNode() {
        Clock tomorrow = Clock.offset(clock, Duration.ofDays(1).plus(UniqueClickRewards.SETTLE).plusMinutes(1));
        return new UniqueClickRewards(partnerships, statistics, credits, ledger, settings, tomorrow, transactions);
    }

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";

    /** A new visitor (own cookie jar) with a browser's user agent. */
    TestHttp visitor() {
        return http().withHeader("User-Agent", CHROME);
    }

    void click(String code, String... headers) {
        HttpResponse<String> r = visitor().get("/ref/" + code + "/", headers);
        assertThat(r.statusCode()).isEqualTo(302);
    }

    @Test
    void oneCreditPerUniqueVisitorAndDayExactlyOnce() throws Exception {
        Partner partner = PartnerFixtures.partner(partners);
        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/partners/" + partner.id(),
                "{\"rewardScheme\":\"uniqueClicks\",\"uniqueClickReward\":0.05}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // Visitor A clicks three times (one visitor), B once; a link preview bot and a prefetch never count.
        TestHttp a = visitor();
        for (int i = 0; i < 3; i++) {
            assertThat(a.get("/ref/" + partner.code() + "/").statusCode()).isEqualTo(302);
        }
        click(partner.code());
        assertThat(http().withHeader("User-Agent", "TelegramBot (like TwitterBot)").get("/ref/" + partner.code() + "/")
                .statusCode()).isEqualTo(302);
        click(partner.code(), "Sec-Purpose", "prefetch");
        assertThat(visitor().head("/ref/" + partner.code() + "/").statusCode()).isIn(302, 200);

        // Today is not over: nothing is credited yet.
        assertThat(new UniqueClickRewards(partnerships, statistics, credits, ledger, settings, clock, transactions)
                .creditCompletedDays()).isZero();
        assertThat(ledger.balance(partner.id()).amount()).isEqualByComparingTo("0");

        UniqueClickRewards node = nextDayNode();
        node.creditCompletedDays();
        assertThat(ledger.balance(partner.id()).amount()).isEqualByComparingTo("0.1");
        // Run again, and by another node: nothing more.
        assertThat(node.creditCompletedDays()).isZero();
        assertThat(nextDayNode().creditCompletedDays()).isZero();
        assertThat(ledger.balance(partner.id()).amount()).isEqualByComparingTo("0.1");

        YearMonth month = YearMonth.from(clock.instant().atZone(settings.zone()));
        List<UniqueClickCredit> statement = node.statement(partner.id(), month);
        assertThat(statement).singleElement().satisfies(c -> {
            assertThat(c.visitors()).isEqualTo(2);
            assertThat(c.reward()).isEqualByComparingTo("0.05");
            assertThat(c.amount()).isEqualByComparingTo("0.1");
        });
        assertThat(node.total(partner.id())).isEqualByComparingTo("0.1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE partner_id = :p AND idempotency_key LIKE 'uclicks:%'")
                .param("p", partner.id()).query(Long.class).single()).isEqualTo(1);

        // The statement as CSV, for the operator and for the partner.
        HttpResponse<String> adminCsv = admin().get("/admin/partners/" + partner.id() + "/unique-clicks.csv?month=" + month);
        assertThat(adminCsv.statusCode()).isEqualTo(200);
        assertThat(adminCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String day = statement.get(0).day().toString();
        assertThat(adminCsv.body()).isEqualTo("\"day\",\"unique_visitors\",\"reward_per_visitor\",\"amount\"\r\n"
                + "\"" + day + "\",\"2\",\"0.05\",\"0.1\"\r\n" + "\"total " + month + "\",\"2\",\"\",\"0.1\"\r\n");
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        assertThat(cabinet.get("/account/partner/unique-clicks.csv?month=" + month).body()).isEqualTo(adminCsv.body());
        HttpResponse<String> block = cabinet.get("/account/partner/unique-clicks?month=" + month);
        assertThat(block.body()).contains("id=\"unique-clicks\"", "id=\"unique-clicks-earned\">0.1<", day);
        assertThat(cabinet.get("/account/partner").body()).contains("/account/partner/unique-clicks");
    }

    @Test
    void twoThreadsCreditingTheSameDayBookItOnce() throws Exception {
        Partner partner = PartnerFixtures.partner(partners);
        partnerships.save(partner.id(), new Partnerships.Change(null, "uniqueClicks", new BigDecimal("0.5")));
        click(partner.code());
        click(partner.code());
        click(partner.code());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UniqueClickRewards node = nextDayNode();
            runs.add(pool.submit(() -> {
                start.await();
                return node.creditCompletedDays();
            }));
        }
        start.countDown();
        int booked = 0;
        for (Future<Integer> run : runs) {
            booked += run.get();
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE partner_id = :p").param("p", partner.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.balance(partner.id()).amount()).isEqualByComparingTo("1.5");
        assertThat(booked).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPartnerPaidPerClickEarnsNothingOnOrdersAndOrdersPartnersEarnNoClicks() {
        Partner perClick = PartnerFixtures.partner(partners);
        partnerships.save(perClick.id(), new Partnerships.Change(null, "uniqueClicks", new BigDecimal("0.05")));
        Partner perOrder = PartnerFixtures.partner(partners);
        RewardFixtures catalog = new RewardFixtures(operator());
        catalog.successfulOrder(placement, orders, perClick.id(), "20000");
        catalog.successfulOrder(placement, orders, perOrder.id(), "20000");
        assertThat(ledger.balance(perClick.id()).amount()).isEqualByComparingTo("0");
        assertThat(ledger.balance(perOrder.id()).amount()).isEqualByComparingTo("100");

        click(perOrder.code());
        nextDayNode().creditCompletedDays();
        assertThat(ledger.balance(perOrder.id()).amount()).isEqualByComparingTo("100");
    }
}
