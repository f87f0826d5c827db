package app.ratelink.postback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again: after {@code first} (30 s: the first retry within a minute), then
 * doubling up to {@code longest} (2 h), until {@code period} (24 h) after the event; then it is given up.
 * Times come from the caller's clock, so a test drives the schedule with short durations, not by waiting
 * a day. An endpoint failing without a success for {@code pauseAfter} (3 days) is paused.
 */
@Component
class RetrySchedule {

    private final Duration first;
    private final Duration longest;
    private final Duration period;
    private final Duration pauseAfter;

    RetrySchedule(@Value("${ratelink.postbacks.first-retry:PT30S}") Duration first,
                  @Value("${ratelink.postbacks.longest-retry:PT2H}") Duration longest,
                  @Value("${ratelink.postbacks.retry-period:PT24H}") Duration period,
                  @Value("${ratelink.postbacks.pause-after:P3D}") Duration pauseAfter) {
        this.first = first;
        this.longest = longest;
        this.period = period;
        this.pauseAfter = pauseAfter;
    }

    /** The delay after the {@code attempts}-th failed attempt (1 = the first). */
    Duration delay(int attempts) {
        Duration d = first;
        for (int i = 1; i < attempts && d.compareTo(longest) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(longest) > 0 ? longest : d;
    }

    /** The next attempt of an event created at {@code createdAt} after its {@code attempts}-th failure; empty = give up. */
    Optional<Instant> next(Instant createdAt, int attempts, Instant now) {
        Instant next = now.plus(delay(attempts));
        return next.isAfter(createdAt.plus(period)) ? Optional.empty() : Optional.of(next);
    }

    /** Whether an endpoint failing since {@code failingSince} is to be paused at {@code now}. */
    boolean pause(Instant failingSince, Instant now) {
        return failingSince != null && !failingSince.plus(pauseAfter).isAfter(now);
    }
}
