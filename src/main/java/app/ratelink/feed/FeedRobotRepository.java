package app.ratelink.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.system.SqlTime;

/**
 * The statements on feed_robots and feed_robot_hours. Merges run without a transaction of their own, one
 * statement at a time: two nodes flushing the same new robot at once both try the INSERT, the second gets
 * the unique key's refusal and adds its counts with the UPDATE instead (on PostgreSQL a refused statement
 * inside a transaction would abort the rest of it).
 */
@Repository
class FeedRobotRepository {

    /** What one node counted for a robot between two flushes. {@code lastOk}: null when every answer was an error. */
    record Delta(long requests, long notModified, long bytes, long errors, int lastStatus, Instant firstSeen,
                 Instant lastSeen, Instant lastOk) {
    }

    /** A stored robot with what the alerts need besides the counts. */
    record Stored(long id, String profile, FeedRobot robot, Instant lastOk, String alert) {
    }

    private final JdbcClient jdbc;

    FeedRobotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void merge(FeedRobots.Key key, Delta d, Instant now) {
        if (update(key, d) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO feed_robots (profile_code, address, user_agent, requests, not_modified, bytes,
                                                 last_status, first_seen, last_seen, last_ok)
                        VALUES (:code, :address, :agent, :requests, :notModified, :bytes, :status, :first, :last, :ok)""")
                        .param("code", key.profile()).param("address", key.address()).param("agent", key.userAgent())
                        .param("requests", d.requests()).param("notModified", d.notModified()).param("bytes", d.bytes())
                        .param("status", d.lastStatus()).param("first", SqlTime.of(d.firstSeen()))
                        .param("last", SqlTime.of(d.lastSeen())).param("ok", SqlTime.of(d.lastOk())).update();
            } catch (DuplicateKeyException e) {
                update(key, d);
            }
        }
        long id = jdbc.sql("SELECT id FROM feed_robots WHERE profile_code = :code AND address = :address AND user_agent = :agent")
                .param("code", key.profile()).param("address", key.address()).param("agent", key.userAgent())
                .query(Long.class).single();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (addHour(id, hour, d) == 0) {
            try {
                jdbc.sql("INSERT INTO feed_robot_hours (robot_id, hour_start, requests, errors) VALUES (:id, :hour, :r, :e)")
                        .param("id", id).param("hour", SqlTime.of(hour)).param("r", d.requests()).param("e", d.errors())
                        .update();
            } catch (DuplicateKeyException e) {
                addHour(id, hour, d);
            }
        }
    }

    /**
     * Adds the counts; the status and the last time are the newer ones of the two. An answer that went well
     * ends an alert, and so does any request after a silence.
     */
    private int update(FeedRobots.Key key, Delta d) {
        String ok = d.lastOk() == null ? "" : """
                , last_ok = CASE WHEN last_ok IS NULL OR last_ok < :ok THEN :ok ELSE last_ok END""";
        var sql = jdbc.sql("""
                UPDATE feed_robots SET requests = requests + :requests, not_modified = not_modified + :notModified,
                       bytes = bytes + :bytes,
                       last_status = CASE WHEN last_seen <= :last THEN :status ELSE last_status END,
                       alert = CASE WHEN alert = 'silent' OR (last_seen <= :last AND :status < 400) THEN NULL ELSE alert END,
                       first_seen = CASE WHEN first_seen > :first THEN :first ELSE first_seen END,
                       last_seen = CASE WHEN last_seen < :last THEN :last ELSE last_seen END""" + ok
                + " WHERE profile_code = :code AND address = :address AND user_agent = :agent")
                .param("requests", d.requests()).param("notModified", d.notModified()).param("bytes", d.bytes())
                .param("status", d.lastStatus()).param("first", SqlTime.of(d.firstSeen()))
                .param("last", SqlTime.of(d.lastSeen()))
                .param("code", key.profile()).param("address", key.address()).param("agent", key.userAgent());
        if (d.lastOk() != null) {
            sql = sql.param("ok", SqlTime.of(d.lastOk()));
        }
        return sql.update();
    }

    private int addHour(long id, Instant hour, Delta d) {
        return jdbc.sql("""
                UPDATE feed_robot_hours SET requests = requests + :r, errors = errors + :e
                 WHERE robot_id = :id AND hour_start = :hour""")
                .param("r", d.requests()).param("e", d.errors()).param("id", id).param("hour", SqlTime.of(hour)).update();
    }

    List<FeedRobot> of(String profile) {
        return jdbc.sql("SELECT * FROM feed_robots WHERE profile_code = :code ORDER BY last_seen DESC, id")
                .param("code", profile).query((rs, n) -> robot(rs)).list();
    }

    /** When any robot last polled the profile, through the (profile_code, last_seen) index; empty when none ever did. */
    Optional<Instant> lastSeen(String profile) {
        return jdbc.sql("SELECT MAX(last_seen) AS last_seen FROM feed_robots WHERE profile_code = :code")
                .param("code", profile).query((rs, n) -> Optional.ofNullable(SqlTime.instant(rs, "last_seen")))
                .single();
    }

    /** Robots seen within {@code since} .. now that no alert is out for: the candidates of a check. */
    List<Stored> unalerted(Instant since) {
        return jdbc.sql("SELECT * FROM feed_robots WHERE alert IS NULL AND last_seen >= :since ORDER BY id")
                .param("since", SqlTime.of(since))
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("profile_code"), robot(rs),
                        SqlTime.instant(rs, "last_ok"), rs.getString("alert"))).list();
    }

    /** How many of the hours from {@code since} on had requests from the robot. */
    int activeHours(long robotId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_robot_hours WHERE robot_id = :id AND hour_start >= :since AND requests > 0")
                .param("id", robotId).param("since", SqlTime.of(since)).query(Integer.class).single();
    }

    /** Compare-and-set: true for the one node (and thread) that raises this alert. */
    boolean raise(long robotId, String alert) {
        return jdbc.sql("UPDATE feed_robots SET alert = :alert WHERE id = :id AND alert IS NULL")
                .param("alert", alert).param("id", robotId).update() == 1;
    }

    void forgetHoursBefore(Instant before) {
        jdbc.sql("DELETE FROM feed_robot_hours WHERE hour_start < :before").param("before", SqlTime.of(before)).update();
    }

    private static FeedRobot robot(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FeedRobot(rs.getString("address"), rs.getString("user_agent"), rs.getLong("requests"),
                rs.getLong("not_modified"), rs.getLong("bytes"), rs.getInt("last_status"),
                SqlTime.instant(rs, "first_seen"), SqlTime.instant(rs, "last_seen"));
    }
}
