package app.ratelink.postback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import app.ratelink.system.SqlTime;

/** The statements on the postback tables: endpoints, the delivery outbox and the attempt log. */
@Repository
class PostbackRepository {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    /** A delivery as the worker sends it. */
    record Delivery(long id, long endpointId, String eventId, String event, String payload, int attempts,
                    Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PostbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertEndpoint(long partnerId, String url, String method, Set<String> events, String secret, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO postback_endpoints (partner_id, url, method, events, secret, created_at)
                VALUES (:partner, :url, :method, :events, :secret, :at)""")
                .param("partner", partnerId).param("url", url).param("method", method)
                .param("events", String.join(",", events)).param("secret", secret).param("at", SqlTime.of(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Endpoint> endpointsOf(long partnerId) {
        return jdbc.sql("SELECT * FROM postback_endpoints WHERE partner_id = :p ORDER BY id")
                .param("p", partnerId).query(PostbackRepository::endpoint).list();
    }

    Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("SELECT * FROM postback_endpoints WHERE id = :id").param("id", id)
                .query(PostbackRepository::endpoint).optional();
    }

    /** Active endpoints that want their partner's clicks. */
    List<Long> clickEndpoints() {
        return jdbc.sql("SELECT id FROM postback_endpoints WHERE paused_at IS NULL AND events LIKE '%click%'"
                + " ORDER BY id").query(Long.class).list();
    }

    /** Where the click announcer of an endpoint stands: the last click announced (time, id). */
    record ClickCursor(long endpointId, long partnerId, Instant time, long clickId) {
    }

    /**
     * The endpoint's click cursor, its row locked for this transaction; empty when it is paused, gone, or
     * another node's announcer holds it right now.
     */
    Optional<ClickCursor> lockClickCursor(long endpointId) {
        return jdbc.sql("""
                SELECT id, partner_id, created_at, last_click_at, last_click_id FROM postback_endpoints
                WHERE id = :id AND paused_at IS NULL FOR UPDATE SKIP LOCKED""").param("id", endpointId)
                .query((rs, n) -> {
                    Instant at = SqlTime.instant(rs, "last_click_at");
                    long last = rs.getLong("last_click_id");
                    long clickId = rs.wasNull() ? 0 : last;
                    return new ClickCursor(rs.getLong("id"), rs.getLong("partner_id"),
                            at == null ? SqlTime.instant(rs, "created_at") : at, clickId);
                }).optional();
    }

    void moveClickCursor(long endpointId, Instant time, long clickId) {
        jdbc.sql("UPDATE postback_endpoints SET last_click_at = :at, last_click_id = :c WHERE id = :id")
                .param("at", SqlTime.of(time)).param("c", clickId).param("id", endpointId).update();
    }

    boolean pause(long id, long partnerId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE postback_endpoints SET paused_at = :at, paused_reason = :reason
                WHERE id = :id AND partner_id = :p AND paused_at IS NULL""")
                .param("at", SqlTime.of(now)).param("reason", reason).param("id", id).param("p", partnerId)
                .update() == 1;
    }

    /** Active again; the clicks made while it was paused are not announced. */
    boolean resume(long id, long partnerId, Instant now) {
        return jdbc.sql("""
                UPDATE postback_endpoints SET paused_at = NULL, paused_reason = NULL, failing_since = NULL,
                  last_click_at = CASE WHEN paused_at IS NULL THEN last_click_at ELSE :now END
                WHERE id = :id AND partner_id = :p""")
                .param("id", id).param("p", partnerId).param("now", SqlTime.of(now)).update() == 1;
    }

    boolean delete(long id, long partnerId) {
        return jdbc.sql("DELETE FROM postback_endpoints WHERE id = :id AND partner_id = :p")
                .param("id", id).param("p", partnerId).update() == 1;
    }

    long insertDelivery(long endpointId, String eventId, String event, String payload, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO postback_deliveries (endpoint_id, event_id, event, payload, state, attempts, created_at,
                                                 next_attempt_at)
                VALUES (:endpoint, :eventId, :event, :payload, 'pending', 0, :at, :at)""")
                .param("endpoint", endpointId).param("eventId", eventId).param("event", event)
                .param("payload", payload).param("at", SqlTime.of(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * The oldest due delivery of an active endpoint, locked for this transaction; rows another worker holds
     * are skipped (on every node), so each delivery is sent by one worker at a time. {@code only}: that
     * delivery or none. PostgreSQL skips locked rows before it applies the limit, so one statement finds
     * the next free row; H2 applies the limit first (the one row it picks may be the locked one), so there
     * the due rows are listed and locked one by one.
     */
    Optional<Delivery> claimDue(Instant now, Long only) {
        String due = "state = 'pending' AND next_attempt_at <= :now" + (only == null ? "" : " AND id = :only")
                + " AND endpoint_id IN (SELECT id FROM postback_endpoints WHERE paused_at IS NULL)";
        if (isPostgres()) {
            return lock("SELECT * FROM postback_deliveries WHERE " + due
                    + " ORDER BY next_attempt_at, id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", now, only);
        }
        JdbcClient.StatementSpec candidates = jdbc.sql("SELECT id FROM postback_deliveries WHERE " + due
                + " ORDER BY next_attempt_at, id FETCH FIRST " + H2_CANDIDATES + " ROWS ONLY").param("now", SqlTime.of(now));
        if (only != null) {
            candidates = candidates.param("only", only);
        }
        for (Long id : candidates.query(Long.class).list()) {
            Optional<Delivery> locked = lock("SELECT * FROM postback_deliveries WHERE id = :only AND " + due
                    + " FOR UPDATE SKIP LOCKED", now, id);
            if (locked.isPresent()) {
                return locked;
            }
        }
        return Optional.empty();
    }

    private static final int H2_CANDIDATES = 20;

    private Optional<Delivery> lock(String sql, Instant now, Long only) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("now", SqlTime.of(now));
        if (only != null) {
            spec = spec.param("only", only);
        }
        return spec.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"),
                rs.getString("event_id"), rs.getString("event"), rs.getString("payload"), rs.getInt("attempts"),
                SqlTime.instant(rs, "created_at"))).optional();
    }

    private volatile Boolean postgres;

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.sql("SELECT 1").query((java.sql.ResultSet rs) -> {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName()
                        .toLowerCase(java.util.Locale.ROOT).contains("postgres");
            });
            postgres = known;
        }
        return known;
    }

    void delivered(long deliveryId, Instant now) {
        jdbc.sql("""
                UPDATE postback_deliveries SET state = 'delivered', attempts = attempts + 1, finished_at = :at
                WHERE id = :id""").param("at", SqlTime.of(now)).param("id", deliveryId).update();
    }

    void retryAt(long deliveryId, Instant next) {
        jdbc.sql("UPDATE postback_deliveries SET attempts = attempts + 1, next_attempt_at = :next WHERE id = :id")
                .param("next", SqlTime.of(next)).param("id", deliveryId).update();
    }

    void givenUp(long deliveryId, Instant now) {
        jdbc.sql("""
                UPDATE postback_deliveries SET state = 'failed', attempts = attempts + 1, finished_at = :at
                WHERE id = :id""").param("at", SqlTime.of(now)).param("id", deliveryId).update();
    }

    void working(long endpointId) {
        jdbc.sql("UPDATE postback_endpoints SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .param("id", endpointId).update();
    }

    /** Marks the endpoint failing (from now, unless it already was) and returns since when it fails. */
    Instant failing(long endpointId, Instant now) {
        jdbc.sql("UPDATE postback_endpoints SET failing_since = :at WHERE id = :id AND failing_since IS NULL")
                .param("at", SqlTime.of(now)).param("id", endpointId).update();
        return jdbc.sql("SELECT failing_since FROM postback_endpoints WHERE id = :id").param("id", endpointId)
                .query((rs, n) -> SqlTime.instant(rs, "failing_since")).optional().orElse(now);
    }

    void logAttempt(Delivery d, Instant at, PostbackSender.Result r) {
        jdbc.sql("""
                INSERT INTO postback_attempts (endpoint_id, delivery_id, event, event_id, attempted_at, http_status,
                                               duration_ms, succeeded, response)
                VALUES (:endpoint, :delivery, :event, :eventId, :at, :status, :ms, :ok, :response)""")
                .param("endpoint", d.endpointId()).param("delivery", d.id()).param("event", d.event())
                .param("eventId", d.eventId()).param("at", SqlTime.of(at)).param("status", r.httpStatus())
                .param("ms", r.durationMs()).param("ok", r.succeeded()).param("response", r.response())
                .update();
    }

    /** The partner's last attempts, newest first. */
    List<Attempt> attemptsOf(long partnerId, int limit) {
        return jdbc.sql("""
                SELECT a.* FROM postback_attempts a JOIN postback_endpoints e ON e.id = a.endpoint_id
                WHERE e.partner_id = :p ORDER BY a.id DESC FETCH FIRST :limit ROWS ONLY""")
                .param("p", partnerId).param("limit", limit).query(PostbackRepository::attempt).list();
    }

    Optional<Attempt> lastAttempt(long deliveryId) {
        return jdbc.sql("SELECT * FROM postback_attempts WHERE delivery_id = :d ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("d", deliveryId).query(PostbackRepository::attempt).optional();
    }

    /** Pending deliveries of the partner's endpoints (the page shows how many wait). */
    long pendingOf(long partnerId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM postback_deliveries d JOIN postback_endpoints e ON e.id = d.endpoint_id
                WHERE e.partner_id = :p AND d.state = 'pending'""").param("p", partnerId).query(Long.class).single();
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        return new Attempt(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event"), rs.getString("event_id"),
                SqlTime.instant(rs, "attempted_at"), httpStatus, rs.getLong("duration_ms"), rs.getBoolean("succeeded"),
                rs.getString("response"));
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Set<String> events = new LinkedHashSet<>(Arrays.stream(rs.getString("events").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        return new Endpoint(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("url"), rs.getString("method"),
                Set.copyOf(events), rs.getString("secret"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "paused_at"), rs.getString("paused_reason"), SqlTime.instant(rs, "failing_since"));
    }
}
