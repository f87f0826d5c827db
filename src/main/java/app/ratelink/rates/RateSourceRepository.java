package app.ratelink.rates;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** The statements on rate_sources, rate_source_values and rate_poller_lease. */
@Repository
class RateSourceRepository {

    private final JdbcClient jdbc;

    RateSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RateSource> sources() {
        return jdbc.sql("SELECT * FROM rate_sources ORDER BY code").query(RateSourceRepository::source).list();
    }

    Optional<RateSource> source(String code) {
        return jdbc.sql("SELECT * FROM rate_sources WHERE code = :code").param("code", code)
                .query(RateSourceRepository::source).optional();
    }

    void save(RateSource s, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", s.code());
        p.put("type", s.type().code());
        p.put("url", s.url());
        p.put("path", s.jsonPath());
        p.put("interval", s.intervalSeconds());
        p.put("timeout", s.timeoutSeconds());
        p.put("maxAge", s.maxAgeSeconds());
        p.put("maxJump", s.maxJumpPercent());
        p.put("at", SqlTime.of(now));
        int updated = jdbc.sql("""
                UPDATE rate_sources SET source_type = :type, url = :url, json_path = :path, interval_seconds = :interval,
                  timeout_seconds = :timeout, max_age_seconds = :maxAge, max_jump_percent = :maxJump, updated_at = :at
                WHERE code = :code""").params(p).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO rate_sources (code, source_type, url, json_path, interval_seconds, timeout_seconds,
                      max_age_seconds, max_jump_percent, updated_at)
                    VALUES (:code, :type, :url, :path, :interval, :timeout, :maxAge, :maxJump, :at)""").params(p).update();
        }
    }

    /** After a change of type or URL the old values mean nothing. */
    void forgetValues(String code) {
        jdbc.sql("DELETE FROM rate_source_values WHERE source_code = :code").param("code", code).update();
    }

    /** {@code started}: when the request went out (the next one is due an interval later); {@code now}: the answer. */
    void polledWell(String code, String lastValues, Instant started, Instant now) {
        jdbc.sql("UPDATE rate_sources SET last_polled_at = :started, last_success_at = :at, last_values = :values WHERE code = :code")
                .param("started", SqlTime.of(started)).param("at", SqlTime.of(now)).param("values", lastValues)
                .param("code", code).update();
    }

    /** The source's last good answer, KEY=VALUE lines; empty when it never answered. */
    Optional<String> lastValues(String code) {
        return jdbc.sql("SELECT last_values FROM rate_sources WHERE code = :code AND last_values IS NOT NULL")
                .param("code", code).query(String.class).optional();
    }

    void deleteValue(String code, String key) {
        jdbc.sql("DELETE FROM rate_source_values WHERE source_code = :code AND value_key = :key")
                .param("code", code).param("key", key).update();
    }

    void polledBadly(String code, String error, Instant started, Instant now) {
        jdbc.sql("UPDATE rate_sources SET last_polled_at = :started, last_error = :error, last_error_at = :at WHERE code = :code")
                .param("started", SqlTime.of(started)).param("at", SqlTime.of(now)).param("error", crop(error, 500))
                .param("code", code).update();
    }

    void staleSince(String code, Instant since) {
        jdbc.sql("UPDATE rate_sources SET stale_since = :since WHERE code = :code")
                .param("since", SqlTime.of(since)).param("code", code).update();
    }

    Map<String, SourceValue> values(String code) {
        Map<String, SourceValue> result = new HashMap<>();
        jdbc.sql("SELECT * FROM rate_source_values WHERE source_code = :code").param("code", code)
                .query(RateSourceRepository::value).list().forEach(v -> result.put(v.key(), v));
        return result;
    }

    /** Every accepted value, by source and key. */
    Map<SourceRef, SourceValue> allValues() {
        Map<SourceRef, SourceValue> result = new HashMap<>();
        jdbc.sql("SELECT * FROM rate_source_values").query(RateSourceRepository::value).list()
                .forEach(v -> result.put(new SourceRef(v.source(), v.key()), v));
        return result;
    }

    void saveValue(SourceValue v, boolean exists) {
        Map<String, Object> p = new HashMap<>();
        p.put("source", v.source());
        p.put("key", v.key());
        p.put("value", v.value());
        p.put("acceptedAt", SqlTime.of(v.acceptedAt()));
        p.put("held", v.held());
        p.put("heldCount", v.heldCount());
        p.put("heldSince", SqlTime.of(v.heldSince()));
        if (exists) {
            jdbc.sql("""
                    UPDATE rate_source_values SET accepted_value = :value, accepted_at = :acceptedAt, held_value = :held,
                      held_count = :heldCount, held_since = :heldSince
                    WHERE source_code = :source AND value_key = :key""").params(p).update();
        } else {
            jdbc.sql("""
                    INSERT INTO rate_source_values (source_code, value_key, accepted_value, accepted_at, held_value,
                      held_count, held_since)
                    VALUES (:source, :key, :value, :acceptedAt, :held, :heldCount, :heldSince)""").params(p).update();
        }
    }

    /**
     * Takes or renews the poller's lease: succeeds when this node holds it already or it has expired.
     * One conditional UPDATE, so two nodes racing for an expired lease cannot both win.
     */
    boolean takeLease(String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE rate_poller_lease SET holder = :node, expires_at = :until
                WHERE id = 1 AND (holder = :node OR expires_at < :now)""")
                .param("node", node).param("until", SqlTime.of(until)).param("now", SqlTime.of(now)).update() == 1;
    }

    Lease lease() {
        return jdbc.sql("SELECT holder, expires_at FROM rate_poller_lease WHERE id = 1")
                .query((rs, n) -> new Lease(rs.getString("holder"), SqlTime.instant(rs, "expires_at"))).single();
    }

    /** Who polls, and until when unless renewed. */
    record Lease(String holder, Instant expiresAt) {
    }

    private static RateSource source(ResultSet rs, int n) throws SQLException {
        return new RateSource(rs.getString("code"), RateSourceType.of(rs.getString("source_type")).orElseThrow(),
                rs.getString("url"), rs.getString("json_path"), rs.getInt("interval_seconds"),
                rs.getInt("timeout_seconds"), rs.getInt("max_age_seconds"),
                Decimals.normalized(rs.getBigDecimal("max_jump_percent")), SqlTime.instant(rs, "last_polled_at"),
                SqlTime.instant(rs, "last_success_at"), rs.getString("last_error"), SqlTime.instant(rs, "last_error_at"),
                SqlTime.instant(rs, "stale_since"));
    }

    private static SourceValue value(ResultSet rs, int n) throws SQLException {
        BigDecimal held = rs.getBigDecimal("held_value");
        return new SourceValue(rs.getString("source_code"), rs.getString("value_key"),
                Decimals.normalized(rs.getBigDecimal("accepted_value")), SqlTime.instant(rs, "accepted_at"),
                Decimals.normalized(held), rs.getInt("held_count"), SqlTime.instant(rs, "held_since"));
    }

    private static String crop(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
