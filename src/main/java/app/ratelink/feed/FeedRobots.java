package app.ratelink.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who polls each feed. The valve counts every answer here, in memory (a map lookup and a few atomic adds: a
 * poll stays bytes from memory); once a minute {@link #flush()} adds this node's counts to the database, where
 * every node's counts meet, and then looks for robots that went silent or keep getting errors
 * ({@link FeedRobotAlerts}). A flood of made-up user agents cannot grow the map past {@link #MAX_ROBOTS} between
 * two flushes: further new robots are not counted until the next one.
 */
@Component
public class FeedRobots {

    static final int MAX_ROBOTS = 10_000;
    static final int USER_AGENT_SIZE = 512;
    static final int ADDRESS_SIZE = 45;

    private static final Logger log = LoggerFactory.getLogger(FeedRobots.class);

    private final Clock clock;
    private final FeedRobotRepository repository;
    private final FeedRobotAlerts alerts;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    FeedRobots(Clock clock, FeedRobotRepository repository, FeedRobotAlerts alerts) {
        this.clock = clock;
        this.repository = repository;
        this.alerts = alerts;
    }

    record Key(String profile, String address, String userAgent) {
    }

    /** What one node has counted for one robot since its last flush; the times are epoch milliseconds. */
    static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final long firstSeen;
        volatile long lastSeen;
        volatile long lastOk;
        volatile int lastStatus;

        Tally(long now) {
            firstSeen = now;
        }
    }

    /** Counts one answer of the valve: {@code status} as sent, {@code bytes} of body (0 for 304 and HEAD). */
    public void record(String profile, String address, String userAgent, int status, long bytes) {
        Key key = new Key(profile, crop(address == null ? "" : address, ADDRESS_SIZE),
                crop(userAgent == null ? "" : userAgent, USER_AGENT_SIZE));
        long now = clock.millis();
        Tally tally = tallies.get(key);
        if (tally == null) {
            if (tallies.size() >= MAX_ROBOTS) {
                return;
            }
            tally = tallies.computeIfAbsent(key, k -> new Tally(now));
        }
        tally.requests.incrementAndGet();
        if (status == 304) {
            tally.notModified.incrementAndGet();
        }
        if (bytes > 0) {
            tally.bytes.addAndGet(bytes);
        }
        if (status >= 400) {
            tally.errors.incrementAndGet();
        } else {
            tally.lastOk = now;
        }
        tally.lastStatus = status;
        tally.lastSeen = now;
    }

    /**
     * Adds what this node counted to the stored robots, then checks for alerts. A robot idle since the last flush
     * leaves the map (memory stays bounded by the robots of one minute).
     */
    @Scheduled(fixedDelayString = "${ratelink.feed.robots.flush-ms:60000}", initialDelayString = "${ratelink.feed.robots.flush-ms:60000}")
    public void flush() {
        Instant now = clock.instant();
        for (Map.Entry<Key, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            FeedRobotRepository.Delta delta = take(t);
            if (delta.requests() == 0) {
                tallies.remove(e.getKey(), t);
                // A request that came in between the take and the removal is in the tally still: keep it.
                delta = take(t);
                if (delta.requests() == 0) {
                    continue;
                }
            }
            try {
                repository.merge(e.getKey(), delta, now);
            } catch (RuntimeException ex) {
                // The database may be briefly away: these counts are lost, serving goes on.
                log.warn("Feed robot counts not stored: {}", ex.toString());
                return;
            }
        }
        try {
            alerts.check(now);
        } catch (RuntimeException ex) {
            log.warn("Feed robot alerts not checked: {}", ex.toString());
        }
    }

    private static FeedRobotRepository.Delta take(Tally t) {
        return new FeedRobotRepository.Delta(t.requests.getAndSet(0), t.notModified.getAndSet(0), t.bytes.getAndSet(0),
                t.errors.getAndSet(0), t.lastStatus, Instant.ofEpochMilli(t.firstSeen), Instant.ofEpochMilli(t.lastSeen),
                t.lastOk == 0 ? null : Instant.ofEpochMilli(t.lastOk));
    }

    /** The robots of a profile, most recently seen first: the stored counts plus this node's since its last flush. */
    public List<FeedRobot> of(String profile) {
        Map<List<String>, FeedRobot> robots = new LinkedHashMap<>();
        for (FeedRobot r : repository.of(profile)) {
            robots.put(List.of(r.address(), r.userAgent()), r);
        }
        tallies.forEach((key, t) -> {
            if (!key.profile().equals(profile) || t.requests.get() == 0) {
                return;
            }
            FeedRobot pending = new FeedRobot(key.address(), key.userAgent(), t.requests.get(), t.notModified.get(),
                    t.bytes.get(), t.lastStatus, Instant.ofEpochMilli(t.firstSeen), Instant.ofEpochMilli(t.lastSeen));
            robots.merge(List.of(key.address(), key.userAgent()), pending, FeedRobots::sum);
        });
        List<FeedRobot> all = new ArrayList<>(robots.values());
        all.sort(Comparator.comparing(FeedRobot::lastSeen).reversed());
        return all;
    }

    /**
     * When any robot last polled each of the profiles (stored, or counted by this node since its last flush);
     * a profile no robot ever polled is left out. One index look-up per profile.
     */
    public Map<String, Instant> lastPolls(Collection<String> profiles) {
        Set<String> wanted = Set.copyOf(profiles);
        Map<String, Instant> last = new LinkedHashMap<>();
        for (String profile : wanted) {
            repository.lastSeen(profile).ifPresent(at -> last.put(profile, at));
        }
        tallies.forEach((key, t) -> {
            if (t.requests.get() > 0 && wanted.contains(key.profile())) {
                last.merge(key.profile(), Instant.ofEpochMilli(t.lastSeen), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return last;
    }

    private static FeedRobot sum(FeedRobot stored, FeedRobot pending) {
        boolean newer = !pending.lastSeen().isBefore(stored.lastSeen());
        return new FeedRobot(stored.address(), stored.userAgent(), stored.requests() + pending.requests(),
                stored.notModified() + pending.notModified(), stored.bytes() + pending.bytes(),
                newer ? pending.lastStatus() : stored.lastStatus(),
                stored.firstSeen().isBefore(pending.firstSeen()) ? stored.firstSeen() : pending.firstSeen(),
                newer ? pending.lastSeen() : stored.lastSeen());
    }

    private static String crop(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
