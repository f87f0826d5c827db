package app.ratelink.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ratelink.system.SqlTime;

/**
 * Admin logins as rows of {@code admin_sessions}, so any node can list and end them. The HTTP session keeps
 * only the row's random key; a request whose row has ended is logged out ({@link AdminSecurity}). A session
 * not seen for the servlet session timeout has expired by itself and is no longer listed.
 */
@Component
public class AdminSessions {

    /** The HTTP session attribute holding this login's row key. */
    public static final String SESSION_ATTRIBUTE = "ratelink.adminSession";

    /** last_seen_at is written at most this often per session: not a write per page view. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    AdminSessions(JdbcClient jdbc, Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    public record Session(String key, String address, String userAgent, Instant createdAt, Instant lastSeenAt) {
    }

    String start(long adminId, String address, String userAgent) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO admin_sessions (id, admin_id, address, user_agent, created_at, last_seen_at)
                VALUES (:id, :admin, :address, :agent, :now, :now)""")
                .param("id", key).param("admin", adminId).param("address", crop(address, 64))
                .param("agent", crop(userAgent, 300)).param("now", SqlTime.of(now)).update();
        return key;
    }

    public List<Session> active(long adminId) {
        return jdbc.sql("""
                SELECT id, address, user_agent, created_at, last_seen_at FROM admin_sessions
                WHERE admin_id = :admin AND ended_at IS NULL AND last_seen_at > :since ORDER BY created_at DESC""")
                .param("admin", adminId).param("since", SqlTime.of(clock.instant().minus(timeout)))
                .query((rs, n) -> new Session(rs.getString("id"), rs.getString("address"), rs.getString("user_agent"),
                        SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "last_seen_at")))
                .list();
    }

    /** Whether the session is still open; notes that it was seen now (at most once a minute). */
    boolean alive(long adminId, String key) {
        if (key == null) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE admin_sessions SET last_seen_at = :now
                WHERE id = :id AND ended_at IS NULL AND last_seen_at < :stale""")
                .param("now", SqlTime.of(now)).param("id", key).param("stale", SqlTime.of(now.minus(TOUCH_EVERY)))
                .update();
        return jdbc.sql("SELECT COUNT(*) FROM admin_sessions WHERE id = :id AND admin_id = :admin AND ended_at IS NULL")
                .param("id", key).param("admin", adminId).query(Integer.class).single() > 0;
    }

    public boolean end(long adminId, String key) {
        return jdbc.sql("UPDATE admin_sessions SET ended_at = :now WHERE id = :id AND admin_id = :admin AND ended_at IS NULL")
                .param("now", SqlTime.of(clock.instant())).param("id", key).param("admin", adminId).update() == 1;
    }

    void endAll(long adminId) {
        jdbc.sql("UPDATE admin_sessions SET ended_at = :now WHERE admin_id = :admin AND ended_at IS NULL")
                .param("now", SqlTime.of(clock.instant())).param("admin", adminId).update();
    }

    void endOthers(long adminId, String keep) {
        jdbc.sql("""
                UPDATE admin_sessions SET ended_at = :now
                WHERE admin_id = :admin AND ended_at IS NULL AND id <> :keep""")
                .param("now", SqlTime.of(clock.instant())).param("admin", adminId)
                .param("keep", keep == null ? "" : keep).update();
    }

    private static String crop(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
