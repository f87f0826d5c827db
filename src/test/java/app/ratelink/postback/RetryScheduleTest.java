package app.ratelink.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(24),
            Duration.ofDays(3));
    final Instant t = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delaysDoubleFromUnderAMinuteUpToTwoHours() {
        assertThat(schedule.delay(1)).isEqualTo(Duration.ofSeconds(30)).isLessThan(Duration.ofMinutes(1));
        assertThat(schedule.delay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delay(9)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.delay(50)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void retriesLastTwentyFourHoursThenGiveUp() {
        Instant now = t;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = schedule.next(t, attempts, now);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }
        assertThat(now).isBefore(t.plus(Duration.ofHours(24)).plusSeconds(1)).isAfter(t.plus(Duration.ofHours(21)));
        assertThat(attempts).isBetween(15, 25);
    }

    @Test
    void anEndpointIsPausedAfterThreeDaysOfFailures() {
        assertThat(schedule.pause(null, t)).isFalse();
        assertThat(schedule.pause(t, t.plus(Duration.ofDays(3)).minusSeconds(1))).isFalse();
        assertThat(schedule.pause(t, t.plus(Duration.ofDays(3)))).isTrue();
    }
}
