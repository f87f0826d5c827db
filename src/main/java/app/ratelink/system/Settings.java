package app.ratelink.system;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Operator settings, stored in the database so that every node sees the same values. Read on hot
 * paths (redirects, feeds, API), so values are cached and re-read at most once a second: a change
 * made on one node reaches the others within that second.
 */
@Service
public class Settings {

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /**
     * {@code ratelink.base-url}, resolved when used: its default names {@code local.server.port}, known only
     * once the server listens (redirects are built from it, so a value resolved earlier sent them to :8080).
     */
    private final Supplier<String> configuredBaseUrl;
    private volatile Snapshot snapshot;
    private DatabaseStatus database;
    /** Set by the audit trail itself (it reads the trusted proxies from here, so it cannot be injected). */
    private volatile AuditTrail audit;

    /** Known outages skip the reload (set by Spring; tests that build Settings by hand go without). */
    @Autowired(required = false)
    void setDatabaseStatus(DatabaseStatus database) {
        this.database = database;
    }

    @Autowired
    Settings(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Environment environment) {
        this(jdbc, clock, events, new ConfiguredBaseUrl(environment));
    }

    /**
     * {@code ratelink.base-url} from the environment, kept once the server listens (its port is final then).
     * Looked up on every call it was two thirds of a stored click's Java CPU: each partner link sets two
     * cookies, each asks {@link #httpsSite()}, and every lookup walks all property sources (JFR, bench/clicks.sh,
     * docs/adr/0003).
     */
    private static final class ConfiguredBaseUrl implements Supplier<String> {
        private final Environment environment;
        private volatile String listening;

        ConfiguredBaseUrl(Environment environment) {
            this.environment = environment;
        }

        @Override
        public String get() {
            String known = listening;
            if (known != null) {
                return known;
            }
            String value = environment.getProperty("ratelink.base-url", "http://localhost:8080");
            if (environment.containsProperty("local.server.port")) {
                listening = value;
            }
            return value;
        }
    }

    Settings(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, String configuredBaseUrl) {
        this(jdbc, clock, events, () -> configuredBaseUrl);
    }

    private Settings(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Supplier<String> configuredBaseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    /** The values of one read, with what the hot paths derive from them kept (parsed once per read). */
    private static final class Snapshot {
        final Map<Setting, String> values;
        final Instant loadedAt;
        final Map<Setting, Integer> integers = new ConcurrentHashMap<>();
        volatile ZoneId zone;

        Snapshot(Map<Setting, String> values, Instant loadedAt) {
            this.values = values;
            this.loadedAt = loadedAt;
        }

        String get(Setting setting) {
            return values.getOrDefault(setting, setting.defaultValue());
        }
    }

    /** One reader at a time: when the second turns, the others go on with the values of a second ago. */
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();

    void auditedBy(AuditTrail trail) {
        this.audit = trail;
    }

    public String get(Setting setting) {
        return current().get(setting);
    }

    public boolean flag(Setting setting) {
        return Boolean.parseBoolean(get(setting));
    }

    public int integer(Setting setting) {
        Snapshot s = current();
        return s.integers.computeIfAbsent(setting, k -> Integer.parseInt(s.get(k)));
    }

    public BigDecimal decimal(Setting setting) {
        return new BigDecimal(get(setting));
    }

    /** The site's public base URL without a trailing slash. */
    public String baseUrl() {
        String stored = get(Setting.BASE_URL);
        return stripSlash(stored.isEmpty() ? configuredBaseUrl.get() : stored);
    }

    /** True when the public base URL is https: cookies are Secure and browsers are told to stay on https. */
    public boolean httpsSite() {
        return baseUrl().regionMatches(true, 0, "https://", 0, 8);
    }

    public ZoneId zone() {
        Snapshot s = current();
        ZoneId zone = s.zone;
        if (zone == null) {
            zone = ZoneId.of(s.get(Setting.TIME_ZONE));
            s.zone = zone;
        }
        return zone;
    }

    public boolean maintenance() {
        return flag(Setting.MAINTENANCE);
    }

    /** All settings with their current values, in declaration order. */
    public Map<Setting, String> all() {
        Map<Setting, String> result = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            result.put(s, get(s));
        }
        return result;
    }

    /** Validates every value first and stores them all or none. */
    @Transactional
    public void update(Map<Setting, String> changes) {
        for (Map.Entry<Setting, String> e : changes.entrySet()) {
            if (!e.getKey().accepts(e.getValue())) {
                throw new InvalidSettingException(e.getKey());
            }
        }
        Instant now = clock.instant();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<Setting, String> e : changes.entrySet()) {
            before.put(e.getKey().key(), get(e.getKey()));
            after.put(e.getKey().key(), e.getValue().trim());
        }
        for (Map.Entry<Setting, String> e : changes.entrySet()) {
            String value = e.getValue().trim();
            int updated = jdbc.sql("UPDATE settings SET value_text = :value, updated_at = :at WHERE name = :name")
                    .param("value", value).param("at", SqlTime.of(now)).param("name", e.getKey().key())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO settings (name, value_text, updated_at) VALUES (:name, :value, :at)")
                        .param("value", value).param("at", SqlTime.of(now)).param("name", e.getKey().key())
                        .update();
            }
        }
        if (audit != null) {
            audit.record("settings.update", "settings", before, after);
        }
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Ahead of the after-commit listeners (feeds rebuild from the new values): a read made by another
            // thread before the commit must not be what they see. After a rollback too.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return HIGHEST_PRECEDENCE;
                }

                @Override
                public void afterCommit() {
                    forget();
                }

                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
        events.publishEvent(new SettingsChanged(changes.keySet()));
    }

    /**
     * Drops the cached values. A read that began before (it may have seen the values before the commit)
     * must not put its result back: the generation tells.
     */
    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && !s.loadedAt.plus(REFRESH).isBefore(now)) {
            return s;
        }
        if (s != null && !reloading.compareAndSet(false, true)) {
            return s;
        }
        if (s != null && database != null && database.down()) {
            // The database is away: the values of before the outage, without a wait for a connection.
            return s;
        }
        try {
            long before = generation.get();
            Snapshot loaded = load(now);
            if (generation.get() == before) {
                snapshot = loaded;
            }
            return loaded;
        } catch (RuntimeException e) {
            if (s == null) {
                throw e;
            }
            // Could not be read (the database went away): keep the last values and try again in a second,
            // rather than making every request wait for the connection that is not coming.
            Snapshot kept = new Snapshot(s.values, now);
            snapshot = kept;
            return kept;
        } finally {
            if (s != null) {
                reloading.set(false);
            }
        }
    }

    private Snapshot load(Instant now) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        jdbc.sql("SELECT name, value_text FROM settings")
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("value_text"))).list()
                .forEach(e -> Setting.byKey(e.getKey()).ifPresent(s -> values.put(s, e.getValue())));
        return new Snapshot(values, now);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
