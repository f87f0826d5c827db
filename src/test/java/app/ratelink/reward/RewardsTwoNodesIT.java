package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.order.ConcurrentStatusChangeException;
import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.payout.Payouts;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.testing.TwoNodes;

/**
 * Two application nodes on one PostgreSQL database set the same 1,000 attributed orders to success at
 * the same moment, several threads each. Every thread walks all orders: half of them in the same order
 * (so both nodes' crowds hit each order together), half shuffled (so orders are also hit at random
 * moments). The test measures how many orders saw attempts from both nodes overlap in time. Exactly one credit per order must come out, and every partner's balance must be the sum of its
 * orders' rewards to the cent.
 */
class RewardsTwoNodesIT {

    static final int ORDERS = 1_000;
    static final int PARTNERS = 7;
    static final int THREADS_PER_NODE = 4;

    static TwoNodes nodes;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodes = TwoNodes.start("two-nodes", THREADS_PER_NODE + 4);
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** 1000 USD × 5 % profit × 10 % (the default level), in cents rounded down, like the calculation. */
    private static BigDecimal expectedReward(BigDecimal amountUsd) {
        return amountUsd.multiply(new BigDecimal("0.05")).multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.DOWN);
    }

    @Test
    void bothNodesSettingTheSameThousandOrdersToSuccessCreditEachExactlyOnce() throws Exception {
        RewardFixtures catalog = new RewardFixtures(new TestHttp(TwoNodes.base(nodeA))
                .withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN));
        Partners partners = nodeA.getBean(Partners.class);
        List<Partner> partnerList = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partnerList.add(PartnerFixtures.partner(partners));
        }

        // The orders come from both nodes, as clients land on either; amounts vary so rewards differ in cents.
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        Map<Long, BigDecimal> expectedByPartner = new HashMap<>();
        BigDecimal expectedTotal = BigDecimal.ZERO;
        List<Runnable> placements = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Partner partner = partnerList.get(i % PARTNERS);
            BigDecimal amount = new BigDecimal("10").add(new BigDecimal("13.37").multiply(BigDecimal.valueOf(i % 541)));
            expectedByPartner.merge(partner.id(), expectedReward(amount), BigDecimal::add);
            expectedTotal = expectedTotal.add(expectedReward(amount));
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            placements.add(() -> {
                Order order = catalog.order(node.getBean(OrderPlacement.class), partner.id(), amount.toPlainString(),
                        "client" + partner.id() + "@example.test");
                node.getBean(Orders.class).changeStatus(order.id(), OrderStatus.PAID, "test", "");
                ids.add(order.id());
            });
        }
        runAll(placements, 4);
        assertThat(ids).hasSize(ORDERS);

        JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE status = 'paid' AND partner_id IS NOT NULL")
                .query(Long.class).single()).isEqualTo(ORDERS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reward_ledger").query(Long.class).single()).isZero();

        // The race: 2 nodes × THREADS_PER_NODE threads, each setting every order to success.
        Map<String, AtomicInteger> moves = Map.of("a", new AtomicInteger(), "b", new AtomicInteger());
        Map<String, AtomicInteger> alreadySet = Map.of("a", new AtomicInteger(), "b", new AtomicInteger());
        AtomicInteger concurrent = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            String name = t % 2 == 0 ? "a" : "b";
            Orders orders = (t % 2 == 0 ? nodeA : nodeB).getBean(Orders.class);
            List<Long> mine = new ArrayList<>(ids);
            if (t / 2 % 2 == 1) {
                Collections.shuffle(mine, new Random(t));
            }
            int node = t % 2;
            workers.add(pool.submit(() -> {
                start.await();
                for (long id : mine) {
                    long from = System.nanoTime();
                    try {
                        if (orders.changeStatus(id, OrderStatus.SUCCESS, "node-" + name, "").changed()) {
                            moves.get(name).incrementAndGet();
                        } else {
                            alreadySet.get(name).incrementAndGet();
                        }
                    } catch (ConcurrentStatusChangeException e) {
                        concurrent.incrementAndGet();
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                    attempts.add(new Attempt(id, node, from, System.nanoTime()));
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();

        long credits = jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE kind = 'credit'").query(Long.class).single();
        long distinctOrders = jdbc.sql("SELECT COUNT(DISTINCT order_id) FROM reward_ledger WHERE kind = 'credit'")
                .query(Long.class).single();
        long otherEntries = jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE kind <> 'credit'").query(Long.class).single();
        long successes = jdbc.sql("SELECT COUNT(*) FROM orders WHERE status = 'success'").query(Long.class).single();
        BigDecimal ledgerTotal = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger").query(BigDecimal.class).single();
        BigDecimal rewardTotal = jdbc.sql("SELECT COALESCE(SUM(partner_reward), 0) FROM orders WHERE status = 'success'")
                .query(BigDecimal.class).single();

        System.out.printf("RewardsTwoNodesIT: %d orders, %d partners, 2 nodes x %d threads, %d attempts%n", ORDERS,
                PARTNERS, THREADS_PER_NODE, 2 * THREADS_PER_NODE * ORDERS);
        System.out.printf("RewardsTwoNodesIT: elapsed %d ms; moves node a %d, node b %d (sum %d); already success a %d, b %d;"
                        + " concurrent-change refusals %d; unexpected errors %d%n", elapsedMs, moves.get("a").get(),
                moves.get("b").get(), moves.get("a").get() + moves.get("b").get(), alreadySet.get("a").get(),
                alreadySet.get("b").get(), concurrent.get(), unexpected.size());
        long overlapped = crossNodeOverlaps(attempts);
        System.out.printf("RewardsTwoNodesIT: orders whose attempts from both nodes overlapped in time: %d of %d%n",
                overlapped, ORDERS);
        System.out.printf("RewardsTwoNodesIT: credits %d (distinct orders %d, other entries %d); ledger total %s USD,"
                        + " expected %s USD, sum of partner_reward %s USD%n", credits, distinctOrders, otherEntries,
                ledgerTotal.stripTrailingZeros().toPlainString(), expectedTotal.toPlainString(),
                rewardTotal.stripTrailingZeros().toPlainString());

        assertThat(unexpected).as("errors other than a refused concurrent change").isEmpty();
        assertThat(overlapped).as("the nodes really raced on the same orders").isPositive();
        assertThat(successes).isEqualTo(ORDERS);
        assertThat(moves.get("a").get() + moves.get("b").get()).as("each order moved once").isEqualTo(ORDERS);
        assertThat(credits).isEqualTo(ORDERS);
        assertThat(distinctOrders).isEqualTo(ORDERS);
        assertThat(otherEntries).isZero();
        assertThat(ledgerTotal).isEqualByComparingTo(expectedTotal).isEqualByComparingTo(rewardTotal);

        Payouts payouts = nodeA.getBean(Payouts.class);
        for (Partner partner : partnerList) {
            BigDecimal rewards = jdbc.sql("SELECT COALESCE(SUM(partner_reward), 0) FROM orders WHERE partner_id = :p")
                    .param("p", partner.id()).query(BigDecimal.class).single();
            BigDecimal balance = payouts.balance(partner.id()).amount();
            System.out.printf("RewardsTwoNodesIT: partner %d balance %s USD, sum of its rewards %s USD, expected %s USD%n",
                    partner.id(), balance.toPlainString(), rewards.stripTrailingZeros().toPlainString(),
                    expectedByPartner.get(partner.id()).toPlainString());
            assertThat(balance.scale()).as("whole cents").isLessThanOrEqualTo(2);
            assertThat(balance).isEqualByComparingTo(rewards).isEqualByComparingTo(expectedByPartner.get(partner.id()));
            assertThat(nodeB.getBean(Payouts.class).balance(partner.id()).amount()).isEqualByComparingTo(balance);
        }
    }

    record Attempt(long orderId, int node, long from, long to) {
    }

    /** Orders for which some attempt of node a and some attempt of node b were in flight at the same time. */
    private static long crossNodeOverlaps(Iterable<Attempt> attempts) {
        Map<Long, List<Attempt>> byOrder = new HashMap<>();
        attempts.forEach(a -> byOrder.computeIfAbsent(a.orderId(), k -> new ArrayList<>()).add(a));
        return byOrder.values().stream().filter(list -> list.stream().anyMatch(x -> list.stream()
                .anyMatch(y -> x.node() == 0 && y.node() == 1 && x.from() < y.to() && y.from() < x.to()))).count();
    }

    private static void runAll(List<Runnable> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (Runnable task : tasks) {
            done.add(pool.submit(task));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }
}
