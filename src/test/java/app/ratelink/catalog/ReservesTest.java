package app.ratelink.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import app.ratelink.testing.Engine;

/**
 * Reserves on both engines: held from the base, booked out of it, released back; operators' absolute updates set
 * the base and holds stay; and many threads racing for the last of a reserve hold exactly what it covers.
 */
class ReservesTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    record Fixture(Catalog catalog, Reserves reserves) {
    }

    Fixture fixture(Engine engine) {
        Catalog catalog = CatalogFixtures.catalog(engine, clock);
        Reserves plain = new Reserves(new ReserveRepository(engine.jdbc()), catalog, clock);
        // As in the application: every call its own transaction, so the row lock is held until it commits.
        ProxyFactory proxy = new ProxyFactory(plain);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(new DataSourceTransactionManager(engine.dataSource()),
                new AnnotationTransactionAttributeSource()));
        catalog.saveCurrency("BTC", new CurrencyChange("Bitcoin", "BTC", 8, new BigDecimal("1"), new BigDecimal("65000"),
                true, false, BigDecimal.ZERO, "", "", List.of()));
        return new Fixture(catalog, (Reserves) proxy.getProxy());
    }

    BigDecimal available(Fixture f) {
        return f.catalog().currency("BTC").orElseThrow().available();
    }

    BigDecimal base(Fixture f) {
        return f.catalog().currency("BTC").orElseThrow().reserve();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void heldOnPaidBookedOnSuccessReleasedOnRefund(Engine engine) {
        Fixture f = fixture(engine);
        long revision = f.catalog().revision().number();
        f.reserves().hold(1, "BTC", new BigDecimal("0.3"));
        f.reserves().hold(1, "BTC", new BigDecimal("0.3"));
        assertThat(available(f)).isEqualByComparingTo("0.7");
        assertThat(base(f)).isEqualByComparingTo("1");
        assertThat(f.catalog().revision().number()).as("feeds are rebuilt").isGreaterThan(revision);

        f.reserves().book(1, "BTC", new BigDecimal("0.3"));
        f.reserves().book(1, "BTC", new BigDecimal("0.3"));
        assertThat(base(f)).isEqualByComparingTo("0.7");
        assertThat(available(f)).isEqualByComparingTo("0.7");

        f.reserves().hold(2, "BTC", new BigDecimal("0.5"));
        assertThatThrownBy(() -> f.reserves().hold(3, "BTC", new BigDecimal("0.2000001")))
                .isInstanceOf(ReserveExceededException.class).hasMessageContaining("0.2");
        f.reserves().release(2);
        f.reserves().release(2);
        assertThat(available(f)).isEqualByComparingTo("0.7");

        // Leaving success (a refund after the payout was returned) gives the amount back.
        f.reserves().release(1);
        assertThat(base(f)).isEqualByComparingTo("1");

        // The operator's absolute update sets the base; holds still count.
        f.reserves().hold(4, "BTC", new BigDecimal("0.25"));
        f.catalog().saveCurrency("BTC", new CurrencyChange(null, null, null, new BigDecimal("2"), null, null, null, null,
                null, null, null));
        assertThat(base(f)).isEqualByComparingTo("2");
        assertThat(available(f)).isEqualByComparingTo("1.75");

        f.reserves().spend("BTC", new BigDecimal("0.05"));
        assertThat(base(f)).isEqualByComparingTo("1.95");
        assertThat(available(f)).isEqualByComparingTo("1.7");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void racingForTheLastOfTheReserveHoldsOnlyWhatItCovers(Engine engine) throws Exception {
        Fixture f = fixture(engine);
        int orders = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < orders; i++) {
                long orderId = 100 + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        f.reserves().hold(orderId, "BTC", new BigDecimal("0.3"));
                        return true;
                    } catch (ReserveExceededException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int held = 0;
            for (Future<Boolean> r : results) {
                held += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(held).isEqualTo(3);
            assertThat(available(f)).isEqualByComparingTo("0.1");
        } finally {
            pool.shutdownNow();
        }
    }
}
