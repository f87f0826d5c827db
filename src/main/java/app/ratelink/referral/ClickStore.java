package app.ratelink.referral;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import app.ratelink.system.SqlTime;

/**
 * Writes a batch of clicks and their daily aggregates in one transaction (the unit of group commit):
 * on PostgreSQL as one statement, on H2 (embedded, no round trips to save) as plain batches. Upserts
 * differ between the engines, hence the two spellings; aggregate rows are touched in a fixed order so
 * that two nodes writing at once cannot deadlock.
 */
class ClickStore {

    private static final String INSERT_CLICK = "INSERT INTO clicks (partner_id, created_at, counted, not_counted,"
            + " browser, user_agent, ip, referrer, query_string, user_hash, target)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String H2_VISITOR = "MERGE INTO click_visitors t USING (VALUES (CAST(? AS BIGINT),"
            + " CAST(? AS DATE), CAST(? AS VARCHAR(16)))) s (partner_id, click_day, user_hash)"
            + " ON t.partner_id = s.partner_id AND t.click_day = s.click_day AND t.user_hash = s.user_hash"
            + " WHEN NOT MATCHED THEN INSERT (partner_id, click_day, user_hash)"
            + " VALUES (s.partner_id, s.click_day, s.user_hash)";

    private static final String H2_DAY = "MERGE INTO click_days t USING (VALUES (CAST(? AS BIGINT), CAST(? AS DATE),"
            + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) s (partner_id, click_day, clicks, visitors,"
            + " not_counted) ON t.partner_id = s.partner_id AND t.click_day = s.click_day"
            + " WHEN MATCHED THEN UPDATE SET clicks = t.clicks + s.clicks, visitors = t.visitors + s.visitors,"
            + " not_counted = t.not_counted + s.not_counted"
            + " WHEN NOT MATCHED THEN INSERT (partner_id, click_day, clicks, visitors, not_counted)"
            + " VALUES (s.partner_id, s.click_day, s.clicks, s.visitors, s.not_counted)";

    private final DataSource dataSource;
    private volatile Boolean postgres;

    ClickStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record DayKey(long partnerId, LocalDate day) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = Long.compare(partnerId, o.partnerId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private record VisitorKey(long partnerId, LocalDate day, String userHash) {
    }

    private static final class DayCount {
        long clicks;
        long visitors;
        long notCounted;
    }

    /** What a batch adds to the daily aggregate, and which visitors may be new for their day. */
    private record Tally(Map<DayKey, DayCount> days, List<VisitorKey> candidates) {
    }

    private static Tally tally(List<NewClick> clicks) {
        Map<DayKey, DayCount> days = new TreeMap<>();
        Set<VisitorKey> visitors = new HashSet<>();
        List<VisitorKey> candidates = new ArrayList<>();
        for (NewClick click : clicks) {
            DayCount d = days.computeIfAbsent(new DayKey(click.partnerId(), click.day()), k -> new DayCount());
            if (click.counted()) {
                d.clicks++;
                VisitorKey v = new VisitorKey(click.partnerId(), click.day(), click.userHash());
                if (visitors.add(v)) {
                    candidates.add(v);
                }
            } else {
                d.notCounted++;
            }
        }
        candidates.sort((a, b) -> {
            int k = new DayKey(a.partnerId, a.day).compareTo(new DayKey(b.partnerId, b.day));
            return k != 0 ? k : a.userHash.compareTo(b.userHash);
        });
        return new Tally(days, candidates);
    }

    /** Stores the clicks, committed when this returns; the ids in the order of {@code clicks}. */
    synchronized long[] write(List<NewClick> clicks) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (isPostgres(c)) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                long[] ids = new long[clicks.size()];
                // Bounded statements: at most MAX_STATEMENT clicks (15 bind parameters each) per statement.
                for (int from = 0; from < clicks.size(); from += MAX_STATEMENT) {
                    int to = Math.min(clicks.size(), from + MAX_STATEMENT);
                    System.arraycopy(writePostgres(c, clicks.subList(from, to)), 0, ids, from, to - from);
                }
                return ids;
            }
            c.setAutoCommit(false);
            try {
                long[] ids = insertClicks(c, clicks);
                Tally tally = tally(clicks);
                countNewVisitors(c, tally.candidates(), tally.days());
                upsertDays(c, tally.days());
                c.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Ids taken from the identity sequence a thousand at a time (gaps after a restart are harmless). */
    private final ArrayDeque<Long> idPool = new ArrayDeque<>();

    private long[] nextIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            if (idPool.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nextval(pg_get_serial_sequence('clicks', 'id')) FROM generate_series(1, ?)")) {
                    ps.setInt(1, Math.max(ID_BLOCK, n - i));
                    List<Long> block = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            block.add(rs.getLong(1));
                        }
                    }
                    block.sort(null);
                    idPool.addAll(block);
                }
            }
            ids[i] = idPool.poll();
        }
        return ids;
    }

    private static final int ID_BLOCK = 1000;
    private static final int MAX_STATEMENT = 1000;

    /**
     * PostgreSQL: the whole batch is ONE statement (clicks, new visitors, daily counts as data-modifying
     * CTEs) run in autocommit, so a group commit costs one round trip and one WAL flush. Under CPU
     * pressure every extra round trip waits for the scheduler on both sides, and the clicks wait with it.
     */
    private long[] writePostgres(Connection c, List<NewClick> clicks) throws SQLException {
        long[] ids = nextIds(c, clicks.size());
        Tally tally = tally(clicks);
        StringBuilder sql = new StringBuilder("WITH c AS (INSERT INTO clicks (id, partner_id, created_at, counted,"
                + " not_counted, browser, user_agent, ip, referrer, query_string, user_hash, target) VALUES ");
        for (int i = 0; i < clicks.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append("), ");
        if (tally.candidates().isEmpty()) {
            sql.append("nv AS (SELECT CAST(NULL AS BIGINT) AS partner_id, CAST(NULL AS DATE) AS click_day,"
                    + " CAST(0 AS BIGINT) AS n WHERE FALSE)");
        } else {
            sql.append("v AS (INSERT INTO click_visitors (partner_id, click_day, user_hash) VALUES ");
            for (int i = 0; i < tally.candidates().size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(CAST(? AS BIGINT), CAST(? AS DATE), ?)");
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING partner_id, click_day),"
                    + " nv AS (SELECT partner_id, click_day, COUNT(*) AS n FROM v GROUP BY partner_id, click_day)");
        }
        sql.append(" INSERT INTO click_days (partner_id, click_day, clicks, visitors, not_counted)"
                + " SELECT d.p, d.d, d.c, COALESCE(nv.n, 0), d.nc FROM (VALUES ");
        int k = 0;
        for (int i = 0; i < tally.days().size(); i++) {
            sql.append(k++ == 0 ? "" : ",").append("(CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS BIGINT))");
        }
        sql.append(") d (p, d, c, nc) LEFT JOIN nv ON nv.partner_id = d.p AND nv.click_day = d.d ORDER BY d.p, d.d"
                + " ON CONFLICT (partner_id, click_day) DO UPDATE SET clicks = click_days.clicks + EXCLUDED.clicks,"
                + " visitors = click_days.visitors + EXCLUDED.visitors,"
                + " not_counted = click_days.not_counted + EXCLUDED.not_counted");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int n = 1;
            for (int i = 0; i < clicks.size(); i++) {
                NewClick click = clicks.get(i);
                ps.setLong(n++, ids[i]);
                ps.setLong(n++, click.partnerId());
                ps.setObject(n++, SqlTime.of(click.createdAt()));
                ps.setBoolean(n++, click.counted());
                ps.setString(n++, click.notCounted());
                ps.setString(n++, click.browser());
                ps.setString(n++, click.userAgent());
                ps.setString(n++, click.ip());
                ps.setString(n++, click.referrer());
                ps.setString(n++, click.queryString());
                ps.setString(n++, click.userHash());
                ps.setString(n++, click.target());
            }
            for (VisitorKey v : tally.candidates()) {
                ps.setLong(n++, v.partnerId);
                ps.setDate(n++, Date.valueOf(v.day));
                ps.setString(n++, v.userHash);
            }
            for (Map.Entry<DayKey, DayCount> e : tally.days().entrySet()) {
                ps.setLong(n++, e.getKey().partnerId);
                ps.setDate(n++, Date.valueOf(e.getKey().day));
                ps.setLong(n++, e.getValue().clicks);
                ps.setLong(n++, e.getValue().notCounted);
            }
            // Autocommit: the statement is its own transaction, durable when executeUpdate returns.
            ps.executeUpdate();
        }
        return ids;
    }

    private static long[] insertClicks(Connection c, List<NewClick> clicks) throws SQLException {
        long[] ids = new long[clicks.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLICK, new String[] {"id"})) {
            for (NewClick click : clicks) {
                ps.setLong(1, click.partnerId());
                ps.setObject(2, SqlTime.of(click.createdAt()));
                ps.setBoolean(3, click.counted());
                ps.setString(4, click.notCounted());
                ps.setString(5, click.browser());
                ps.setString(6, click.userAgent());
                ps.setString(7, click.ip());
                ps.setString(8, click.referrer());
                ps.setString(9, click.queryString());
                ps.setString(10, click.userHash());
                ps.setString(11, click.target());
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < ids.length) {
                    ids[i++] = keys.getLong(1);
                }
                if (i != ids.length) {
                    throw new SQLException("Expected " + ids.length + " generated click ids, got " + i);
                }
            }
        }
        return ids;
    }

    private static void countNewVisitors(Connection c, List<VisitorKey> candidates,
                                         Map<DayKey, DayCount> days) throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(H2_VISITOR)) {
            for (VisitorKey v : candidates) {
                ps.setLong(1, v.partnerId);
                ps.setDate(2, Date.valueOf(v.day));
                ps.setString(3, v.userHash);
                ps.addBatch();
            }
            int[] inserted = ps.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    VisitorKey v = candidates.get(i);
                    days.get(new DayKey(v.partnerId, v.day)).visitors++;
                }
            }
        }
    }

    private static void upsertDays(Connection c, Map<DayKey, DayCount> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(H2_DAY)) {
            for (Map.Entry<DayKey, DayCount> e : days.entrySet()) {
                ps.setLong(1, e.getKey().partnerId);
                ps.setDate(2, Date.valueOf(e.getKey().day));
                ps.setLong(3, e.getValue().clicks);
                ps.setLong(4, e.getValue().visitors);
                ps.setLong(5, e.getValue().notCounted);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private boolean isPostgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }
}
