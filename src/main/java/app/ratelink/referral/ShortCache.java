package app.ratelink.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Remembers answers for a second. A partner link is the hottest URL of the site: without this, every click
 * would ask the database for the partner and the landing direction several times, for answers that change
 * a few times a day. A second is the staleness the settings already accept on every node.
 */
final class ShortCache<K, V> {

    private static final int LIMIT = 10_000;

    private record Entry<V>(V value, Instant until, AtomicBoolean refreshing) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    ShortCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && now.isBefore(e.until())) {
            return e.value();
        }
        if (e != null && !e.refreshing().compareAndSet(false, true)) {
            // Another request is reloading it: the answer of a second ago will do, rather than every
            // concurrent request asking the database at the same moment.
            return e.value();
        }
        V value;
        try {
            value = load.apply(key);
        } catch (RuntimeException failure) {
            if (e == null) {
                throw failure;
            }
            // The database is away: the answer of a moment ago is better than none, and the next request
            // tries again (a refreshing flag left set would have kept that stale answer for good).
            e.refreshing().set(false);
            return e.value();
        }
        if (entries.size() >= LIMIT) {
            // Forged keys (random codes, amounts) must not grow memory; real keys come back within a second.
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now.plus(ttl), new AtomicBoolean()));
        return value;
    }
}
