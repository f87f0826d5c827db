package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.catalog.DirectionKey;
import app.ratelink.testing.Engine;

/** The lease, the values and the bounded history, on H2 and PostgreSQL. */
class RateSourceRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void oneNodeHoldsTheLeaseUntilItExpires(Engine engine) {
        RateSourceRepository repository = new RateSourceRepository(engine.jdbc());
        assertThat(repository.takeLease("a", T0, T0.plusSeconds(2))).isTrue();
        assertThat(repository.takeLease("b", T0.plusSeconds(1), T0.plusSeconds(3))).isFalse();
        assertThat(repository.takeLease("a", T0.plusSeconds(1), T0.plusSeconds(3))).isTrue(); // renewed
        assertThat(repository.takeLease("b", T0.plusMillis(2_900), T0.plusSeconds(5))).isFalse();
        // a stopped renewing: b takes it once it expired, and a cannot take it back.
        assertThat(repository.takeLease("b", T0.plusMillis(3_001), T0.plusSeconds(5))).isTrue();
        assertThat(repository.takeLease("a", T0.plusMillis(3_100), T0.plusSeconds(5))).isFalse();
        assertThat(repository.lease().holder()).isEqualTo("b");
        assertThat(repository.lease().expiresAt()).isEqualTo(T0.plusSeconds(5));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void sourcesValuesAndStatusAreKept(Engine engine) {
        RateSourceRepository repository = new RateSourceRepository(engine.jdbc());
        repository.save(new RateSource("cbr", RateSourceType.CBR, RateSourceType.CBR.defaultUrl(), "", 30, 5, 60,
                BigDecimal.TEN, null, null, null, null, null), T0);
        repository.polledWell("cbr", "USD=92.5\nEUR=100.3\n", T0, T0.plusMillis(300));
        repository.saveValue(new SourceValue("cbr", "USD", new BigDecimal("92.5"), T0, null, 0, null), false);
        repository.saveValue(new SourceValue("cbr", "USD", new BigDecimal("92.5"), T0, new BigDecimal("150"), 1, T0), true);
        RateSource s = repository.source("cbr").orElseThrow();
        assertThat(s.lastPolledAt()).isEqualTo(T0);
        assertThat(s.lastSuccessAt()).isEqualTo(T0.plusMillis(300));
        assertThat(s.due(T0.plusSeconds(29))).isFalse();
        assertThat(s.due(T0.plusSeconds(30))).isTrue();
        assertThat(s.stale(T0.plusSeconds(59))).isFalse();
        assertThat(s.stale(T0.plusSeconds(61))).isTrue();
        assertThat(LastValues.decode(repository.lastValues("cbr").orElseThrow())).containsEntry("EUR", new BigDecimal("100.3"));
        SourceValue v = repository.values("cbr").get("USD");
        assertThat(v.held()).isEqualByComparingTo("150");
        assertThat(v.heldCount()).isEqualTo(1);
        repository.polledBadly("cbr", "HTTP 503", T0.plusSeconds(30), T0.plusSeconds(31));
        assertThat(repository.source("cbr").orElseThrow().lastError()).isEqualTo("HTTP 503");
        assertThat(repository.source("cbr").orElseThrow().lastSuccessAt()).isEqualTo(T0.plusMillis(300));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void historyKeepsOnePointPerMinuteForThirtyDays(Engine engine) {
        RateHistory history = new RateHistory(engine.jdbc());
        DirectionKey d = new DirectionKey("BTC", "USD");
        history.directionPrice(d, new BigDecimal("65000"), T0.plusSeconds(1));
        history.directionPrice(d, new BigDecimal("65100"), T0.plusSeconds(30));
        history.directionPrice(d, new BigDecimal("65200"), T0.plusSeconds(61));
        // Another node (after a takeover) writing the same minute adds nothing.
        new RateHistory(engine.jdbc()).directionPrice(d, new BigDecimal("1"), T0.plusSeconds(62));
        history.sourceValue("cbr", "USD", new BigDecimal("92.5"), T0.minus(RateHistory.KEPT).minusSeconds(60));
        history.sourceValue("cbr", "USD", new BigDecimal("92.6"), T0);
        assertThat(history.direction(d, T0.minusSeconds(60))).extracting(RateHistory.Point::value)
                .containsExactly(new BigDecimal("65000"), new BigDecimal("65200"));
        assertThat(history.prune(T0)).isEqualTo(1);
        assertThat(history.source("cbr", "USD", Instant.EPOCH)).singleElement()
                .satisfies(p -> assertThat(p.at()).isEqualTo(T0));
    }
}
