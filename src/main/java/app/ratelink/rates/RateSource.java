package app.ratelink.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A rate source as configured ({@code code} is what formulas name: {@code binance:BTCUSDT.bid}) and its
 * last poll: when it last answered well, its last error, and since when it has been stale.
 */
public record RateSource(String code, RateSourceType type, String url, String jsonPath, int intervalSeconds,
                         int timeoutSeconds, int maxAgeSeconds, BigDecimal maxJumpPercent, Instant lastPolledAt,
                         Instant lastSuccessAt, String lastError, Instant lastErrorAt, Instant staleSince) {

    public static final int DEFAULT_INTERVAL_SECONDS = 30;
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_MAX_AGE_SECONDS = 60;
    public static final BigDecimal DEFAULT_MAX_JUMP_PERCENT = BigDecimal.TEN;

    /** Whether a poll is due at {@code now}. */
    boolean due(Instant now) {
        return lastPolledAt == null || !lastPolledAt.plusSeconds(intervalSeconds).isAfter(now);
    }

    /** Older than {@code maxAgeSeconds} (or never answered): its values may no longer be trusted. */
    public boolean stale(Instant now) {
        return lastSuccessAt == null || Duration.between(lastSuccessAt, now).getSeconds() >= maxAgeSeconds;
    }

    RateSource withConfig(RateSourceType type, String url, String jsonPath, int interval, int timeout, int maxAge,
                          BigDecimal maxJump) {
        return new RateSource(code, type, url, jsonPath, interval, timeout, maxAge, maxJump, lastPolledAt,
                lastSuccessAt, lastError, lastErrorAt, staleSince);
    }
}
