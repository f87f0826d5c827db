package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The jump guard: a value more than maxJumpPercent away is held until three polls in a row agree. */
class SourceValueTest {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final SourceValue accepted = new SourceValue("binance", "BTCUSDT.bid", new BigDecimal("100"), T0, null, 0, null);

    @Test
    void smallMovesAreAccepted() {
        SourceValue next = accepted.next(new BigDecimal("109.9"), TEN, T0.plusSeconds(1));
        assertThat(next.value()).isEqualByComparingTo("109.9");
        assertThat(next.isHeld()).isFalse();
    }

    @Test
    void aFiftyPercentJumpIsAppliedOnTheThirdAgreeingPoll() {
        SourceValue first = accepted.next(new BigDecimal("150"), TEN, T0.plusSeconds(1));
        assertThat(first.value()).isEqualByComparingTo("100");
        assertThat(first.held()).isEqualByComparingTo("150");
        assertThat(first.startedHolding(accepted)).isTrue();
        SourceValue second = first.next(new BigDecimal("151"), TEN, T0.plusSeconds(2));
        assertThat(second.value()).isEqualByComparingTo("100");
        assertThat(second.heldCount()).isEqualTo(2);
        assertThat(second.startedHolding(first)).isFalse();
        SourceValue third = second.next(new BigDecimal("150.5"), TEN, T0.plusSeconds(3));
        assertThat(third.value()).isEqualByComparingTo("150.5");
        assertThat(third.isHeld()).isFalse();
    }

    @Test
    void aSpikeThatGoesAwayIsNeverApplied() {
        SourceValue spike = accepted.next(new BigDecimal("150"), TEN, T0.plusSeconds(1));
        SourceValue back = spike.next(new BigDecimal("101"), TEN, T0.plusSeconds(2));
        assertThat(back.value()).isEqualByComparingTo("101");
        assertThat(back.isHeld()).isFalse();
    }

    @Test
    void anotherJumpRestartsTheCount() {
        SourceValue a = accepted.next(new BigDecimal("150"), TEN, T0.plusSeconds(1));
        SourceValue b = a.next(new BigDecimal("200"), TEN, T0.plusSeconds(2));
        assertThat(b.heldCount()).isEqualTo(1);
        assertThat(b.held()).isEqualByComparingTo("200");
        assertThat(b.startedHolding(a)).isTrue();
    }

    @Test
    void anAdminAcceptsAtOnce() {
        SourceValue held = accepted.next(new BigDecimal("50"), TEN, T0.plusSeconds(1));
        assertThat(held.accepted(T0.plusSeconds(2)).value()).isEqualByComparingTo("50");
    }
}
