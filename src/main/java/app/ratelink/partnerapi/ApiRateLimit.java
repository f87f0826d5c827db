package app.ratelink.partnerapi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * Requests per minute per API key (setting {@code apiRateLimitPerMinute}), a token bucket per key kept
 * in this node's memory, keyed by the key as it authenticated (trimmed, lower case: {@link PartnerApi}), so
 * spelling a key differently gives no fresh allowance. Buckets are only created for keys that authenticated,
 * and a bucket that has refilled completely says nothing a new one would not: past {@link #SWEEP_AT}
 * buckets, the full ones are dropped, so revoked and idle keys do not accumulate. A changed limit replaces a
 * key's bucket on its next request.
 */
@Component
class ApiRateLimit {

    /** Buckets kept before the full (idle for a minute or more) ones are swept out. */
    static final int SWEEP_AT = 10_000;

    private final Settings settings;
    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    /** Doubles with what a sweep could not drop, so sweeping stays amortised O(1) per request. */
    private volatile int nextSweep = SWEEP_AT;

    ApiRateLimit(Settings settings) {
        this.settings = settings;
    }

    /** Takes one request from the key's bucket, or refuses with the seconds until the next one. */
    void take(String key) {
        int perMinute = settings.integer(Setting.API_RATE_LIMIT);
        if (buckets.size() >= nextSweep) {
            sweep();
        }
        Limited limited = buckets.compute(key, (k, old) -> old != null && old.perMinute == perMinute
                ? old : new Limited(perMinute, bucket(perMinute)));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long nanos = probe.getNanosToWaitForRefill();
            throw ApiError.tooManyRequests((nanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Buckets held now (for tests: memory stays bounded). */
    int size() {
        return buckets.size();
    }

    private synchronized void sweep() {
        if (buckets.size() < nextSweep) {
            return;
        }
        buckets.entrySet().removeIf(e -> e.getValue().bucket.getAvailableTokens() >= e.getValue().perMinute);
        nextSweep = Math.max(SWEEP_AT, buckets.size() * 2);
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private record Limited(int perMinute, Bucket bucket) {
    }
}
