package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.system.Settings;
import app.ratelink.testing.TestHttp;
import app.ratelink.testing.TwoNodes;

/**
 * Pay per unique click on two nodes sharing one PostgreSQL: clicks land on either node, then both nodes run
 * the crediting job for the finished day at the same moment, several times. Each partner gets exactly one
 * credit for the day, of its unique visitors × its amount.
 */
class UniqueClicksTwoNodesIT {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    static final int PARTNERS = 5;
    static final int ROUNDS = 3;

    /** The job of one node, its clock a day ahead (the day of the clicks is over). */
    static UniqueClickRewards job(ConfigurableApplicationContext node) {
        Clock tomorrow = Clock.offset(node.getBean(Clock.class),
                Duration.ofDays(1).plus(UniqueClickRewards.SETTLE).plusMinutes(1));
        return new UniqueClickRewards(node.getBean(Partnerships.class), node.getBean(PartnerStatistics.class),
                node.getBean(UniqueClickCreditRepository.class), node.getBean(Ledger.class), node.getBean(Settings.class),
                tomorrow, node.getBean(PlatformTransactionManager.class));
    }

    @Test
    void bothNodesCreditingTheSameDayBookEachPartnerOnce() throws Exception {
        try (TwoNodes nodes = TwoNodes.start("unique-clicks-two-nodes", 6)) {
            Partners partners = nodes.a().getBean(Partners.class);
            Partnerships partnerships = nodes.a().getBean(Partnerships.class);
            List<Partner> list = new ArrayList<>();
            for (int i = 0; i < PARTNERS; i++) {
                Partner p = PartnerFixtures.partner(partners);
                partnerships.save(p.id(), new Partnerships.Change(null, "uniqueClicks", new BigDecimal("0.25")));
                list.add(p);
                // i + 1 visitors, alternating nodes; the first visitor clicks twice.
                for (int v = 0; v <= i; v++) {
                    TestHttp visitor = new TestHttp(TwoNodes.base(v % 2 == 0 ? nodes.a() : nodes.b()))
                            .withHeader("User-Agent", CHROME);
                    assertThat(visitor.get("/ref/" + p.code() + "/").statusCode()).isEqualTo(302);
                    if (v == 0) {
                        assertThat(visitor.get("/ref/" + p.code() + "/").statusCode()).isEqualTo(302);
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (ConfigurableApplicationContext node : List.of(nodes.a(), nodes.b(), nodes.a(), nodes.b())) {
                    UniqueClickRewards job = job(node);
                    runs.add(pool.submit(() -> {
                        start.await();
                        return job.creditCompletedDays();
                    }));
                }
                start.countDown();
                for (Future<Integer> run : runs) {
                    run.get();
                }
            }
            pool.shutdown();

            JdbcClient jdbc = nodes.b().getBean(JdbcClient.class);
            Ledger ledger = nodes.b().getBean(Ledger.class);
            for (int i = 0; i < PARTNERS; i++) {
                Partner p = list.get(i);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE partner_id = :p").param("p", p.id())
                        .query(Long.class).single()).as("credits of partner %d", i).isEqualTo(1);
                assertThat(ledger.balance(p.id()).amount()).isEqualByComparingTo(new BigDecimal("0.25").multiply(BigDecimal.valueOf(i + 1)));
                assertThat(jdbc.sql("SELECT visitors FROM unique_click_credits WHERE partner_id = :p").param("p", p.id())
                        .query(Long.class).single()).isEqualTo(i + 1);
            }
        }
    }
}
