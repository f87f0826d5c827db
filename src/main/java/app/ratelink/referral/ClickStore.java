package app.ratelink.referral;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import app.ratelink.system.SqlTime;

/**
 * Writes a batch of clicks and their daily aggregates in one transaction (the unit of group commit).
 * Upserts differ between the engines, so the two statements that need one come in two spellings; rows
 * are touched in a fixed order so that two nodes writing at once cannot deadlock.
 */
class ClickStore {

    private static final String INSERT_CLICK = "INSERT INTO clicks (partner_id, created_at, counted, not_counted,"
            + " browser, user_agent, ip, referrer, query_string, user_hash, target)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String PG_VISITOR = "INSERT INTO click_visitors (partner_id, click_day, user_hash)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String H2_VISITOR = "MERGE INTO click_visitors t USING (VALUES (CAST(? AS BIGINT),"
            + " CAST(? AS DATE), CAST(? AS VARCHAR(16)))) s (partner_id, click_day, user_hash)"
            + " ON t.partner_id = s.partner_id AND t.click_day = s.click_day AND t.user_hash = s.user_hash"
            + " WHEN NOT MATCHED THEN INSERT (partner_id, click_day, user_hash)"
            + " VALUES (s.partner_id, s.click_day, s.user_hash)";

    private static final String PG_DAY = "INSERT INTO click_days (partner_id, click_day, clicks, visitors, not_counted)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (partner_id, click_day) DO UPDATE SET"
            + " clicks = click_days.clicks + EXCLUDED.clicks, visitors = click_days.visitors + EXCLUDED.visitors,"
            + " not_counted = click_days.not_counted + EXCLUDED.not_counted";
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

    /** Stores the clicks, committed when this returns; the ids in the order of {@code clicks}. */
    long[] write(List<NewClick> clicks) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean pg = isPostgres(c);
            c.setAutoCommit(false);
            try {
                long[] ids = insertClicks(c, clicks);
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
                countNewVisitors(c, pg, candidates, days);
                upsertDays(c, pg, days);
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

    private static void countNewVisitors(Connection c, boolean pg, List<VisitorKey> candidates,
                                         Map<DayKey, DayCount> days) throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(pg ? PG_VISITOR : H2_VISITOR)) {
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

    private static void upsertDays(Connection c, boolean pg, Map<DayKey, DayCount> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(pg ? PG_DAY : H2_DAY)) {
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
