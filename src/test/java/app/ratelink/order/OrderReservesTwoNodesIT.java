package app.ratelink.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.ReserveExceededException;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.testing.TwoNodes;

/**
 * Two nodes on one PostgreSQL database race for the last of a reserve: 24 orders of 1 TOK each, created on
 * both nodes while nothing is held, are marked paid at the same moment by threads on both nodes. The reserve
 * (10.5 TOK) covers ten: exactly ten win, the others are refused and stay new, and the reserve left is exact.
 */
class OrderReservesTwoNodesIT {

    static TwoNodes nodes;

    @BeforeAll
    static void start() {
        nodes = TwoNodes.start("reserves-two-nodes", 8);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void twoNodesRacingForTheLastReserveHoldOnlyWhatItCovers() throws Exception {
        TestHttp operator = new TestHttp(TwoNodes.base(nodes.a()))
                .withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN);
        new TestCatalog(operator).currency("RACEUSD", "Race USD", "USD", 2, "100000", "", "Pay")
                .currency("RACETOK", "Race token", "TOK", 4, "10.5", "", "")
                .direction("RACEUSD", "RACETOK", "2", "1", "1", "1000", true);

        List<Long> ordersA = new ArrayList<>();
        List<Long> ordersB = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ordersA.add(place(nodes.a()));
            ordersB.add(place(nodes.b()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(markPaid(nodes.a(), ordersA.get(i), go)));
                results.add(pool.submit(markPaid(nodes.b(), ordersB.get(i), go)));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        Orders orders = nodes.b().getBean(Orders.class);
        long paid = 0;
        for (long id : concat(ordersA, ordersB)) {
            OrderStatus s = orders.find(id).orElseThrow().status();
            assertThat(s).isIn(OrderStatus.PAID, OrderStatus.NEW);
            paid += s == OrderStatus.PAID ? 1 : 0;
        }
        assertThat(paid).isEqualTo(10);
        for (ConfigurableApplicationContext node : List.of(nodes.a(), nodes.b())) {
            assertThat(node.getBean(Catalog.class).currency("RACETOK").orElseThrow().available())
                    .isEqualByComparingTo(new BigDecimal("0.5"));
        }
    }

    private static long place(ConfigurableApplicationContext node) {
        return node.getBean(OrderPlacement.class).place(new OrderForm("RACEUSD", "RACETOK", "2", "W1",
                "race@example.com", null), OrderClient.anonymous()).id();
    }

    private static java.util.concurrent.Callable<Boolean> markPaid(ConfigurableApplicationContext node, long id,
                                                                   CountDownLatch go) {
        Orders orders = node.getBean(Orders.class);
        return () -> {
            go.await();
            try {
                return orders.changeStatus(id, OrderStatus.PAID, "race", "").changed();
            } catch (ReserveExceededException e) {
                return false;
            }
        };
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
