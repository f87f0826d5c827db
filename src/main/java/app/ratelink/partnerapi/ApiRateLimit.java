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
 * in this node's memory. Buckets are only created for keys that authenticated, so the map is bounded
 * by the number of real keys. A changed limit replaces a key's bucket on its next request.
 */
@Component
class ApiRateLimit {

    private final Settings settings;
    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    ApiRateLimit(Settings settings) {
        this.settings = settings;
    }

    /** Takes one request from the key's bucket, or refuses with the seconds until the next one. */
    void take(String key) {
        int perMinute = settings.integer(Setting.API_RATE_LIMIT);
        Limited limited = buckets.compute(key, (k, old) -> old != null && old.perMinute == perMinute
                ? old : new Limited(perMinute, bucket(perMinute)));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long nanos = probe.getNanosToWaitForRefill();
            throw ApiError.tooManyRequests((nanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private record Limited(int perMinute, Bucket bucket) {
    }
}
