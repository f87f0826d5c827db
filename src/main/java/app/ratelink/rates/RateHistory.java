package app.ratelink.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.catalog.DirectionKey;
import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/**
 * Accepted source values and direction prices over time, bounded: the first value of each minute per
 * series, kept {@link #KEPT} (2,000 directions: at most 2,000 rows a minute, 86 million rows in 30 days at the
 * worst, each series read by its primary key). The statements on rate_source_history and
 * rate_direction_history.
 */
@Repository
class RateHistory {

    static final Duration KEPT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    /** The minute last written per series on this node: a point per minute costs one INSERT, not one per poll. */
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    RateHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A point in a chart. */
    record Point(Instant at, BigDecimal value) {
    }

    void sourceValue(String source, String key, BigDecimal value, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(written.put("s/" + source + "/" + key, minute))) {
            return;
        }
        // INSERT … SELECT … WHERE NOT EXISTS: another node may have written this minute before a takeover.
        jdbc.sql("""
                INSERT INTO rate_source_history (source_code, value_key, minute_at, point_value)
                SELECT :source, :key, :minute, :value FROM rate_poller_lease WHERE id = 1 AND NOT EXISTS
                  (SELECT 1 FROM rate_source_history WHERE source_code = :source AND value_key = :key AND minute_at = :minute)""")
                .param("source", source).param("key", key).param("minute", SqlTime.of(minute)).param("value", value)
                .update();
    }

    void directionPrice(DirectionKey d, BigDecimal price, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(written.put("d/" + d, minute))) {
            return;
        }
        jdbc.sql("""
                INSERT INTO rate_direction_history (from_code, to_code, minute_at, price)
                SELECT :from, :to, :minute, :price FROM rate_poller_lease WHERE id = 1 AND NOT EXISTS
                  (SELECT 1 FROM rate_direction_history WHERE from_code = :from AND to_code = :to AND minute_at = :minute)""")
                .param("from", d.from()).param("to", d.to()).param("minute", SqlTime.of(minute)).param("price", price)
                .update();
    }

    List<Point> source(String source, String key, Instant since) {
        return jdbc.sql("""
                SELECT minute_at, point_value FROM rate_source_history
                WHERE source_code = :source AND value_key = :key AND minute_at >= :since ORDER BY minute_at""")
                .param("source", source).param("key", key).param("since", SqlTime.of(since))
                .query((rs, n) -> new Point(SqlTime.instant(rs, "minute_at"), Decimals.normalized(rs.getBigDecimal("point_value"))))
                .list();
    }

    List<Point> direction(DirectionKey d, Instant since) {
        return jdbc.sql("""
                SELECT minute_at, price FROM rate_direction_history
                WHERE from_code = :from AND to_code = :to AND minute_at >= :since ORDER BY minute_at""")
                .param("from", d.from()).param("to", d.to()).param("since", SqlTime.of(since))
                .query((rs, n) -> new Point(SqlTime.instant(rs, "minute_at"), Decimals.normalized(rs.getBigDecimal("price"))))
                .list();
    }

    /** Drops the points older than {@link #KEPT}. */
    int prune(Instant now) {
        Instant before = now.minus(KEPT);
        int sources = jdbc.sql("DELETE FROM rate_source_history WHERE minute_at < :before")
                .param("before", SqlTime.of(before)).update();
        int directions = jdbc.sql("DELETE FROM rate_direction_history WHERE minute_at < :before")
                .param("before", SqlTime.of(before)).update();
        if (written.size() > 200_000) {
            written.clear();
        }
        return sources + directions;
    }
}
