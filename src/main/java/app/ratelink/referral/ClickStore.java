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

import app.ratelink.order.SubIds;
import app.ratelink.system.SqlTime;

/**
 * Writes a batch of clicks and their daily aggregates in one transaction (the unit of group commit):
 * on PostgreSQL as one statement, on H2 (embedded, no round trips to save) as plain batches. Upserts
 * differ between the engines, hence the two spellings; aggregate rows are touched in a fixed order so
 * that two nodes writing at once cannot deadlock.
 */
class ClickStore {

    private static final String INSERT_CLICK = "INSERT INTO clicks (partner_id, created_at, counted, not_counted,"
            + " browser, user_agent, ip, referrer, query_string, user_hash, target, sub1, sub2, sub3, sub4, sub5,"
            + " sub_click_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
                return writePostgres(c, clicks);
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

    /**
     * PostgreSQL: the whole batch is ONE statement (clicks, new visitors, daily counts as data-modifying
     * CTEs) run in autocommit, so a group commit costs one round trip and one WAL flush. The rows travel as
     * one array per column, so the statement text never changes with the batch size: the server parses
     * and plans it once per connection (a VALUES list of n rows would be parsed anew for every n).
     */
    private static final String POSTGRES_BATCH = "WITH c AS (INSERT INTO clicks (id, partner_id, created_at,"
            + " counted, not_counted, browser, user_agent, ip, referrer, query_string, user_hash, target,"
            + " sub1, sub2, sub3, sub4, sub5, sub_click_id)"
            + " SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TIMESTAMPTZ[]),"
            + " CAST(? AS BOOLEAN[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))),"
            + " v AS (INSERT INTO click_visitors (partner_id, click_day, user_hash)"
            + " SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS DATE[]), CAST(? AS VARCHAR[]))"
            + " ON CONFLICT DO NOTHING RETURNING partner_id, click_day),"
            + " nv AS (SELECT partner_id, click_day, COUNT(*) AS n FROM v GROUP BY partner_id, click_day)"
            + " INSERT INTO click_days (partner_id, click_day, clicks, visitors, not_counted)"
            + " SELECT d.p, d.d, d.c, COALESCE(nv.n, 0), d.nc"
            + " FROM unnest(CAST(? AS BIGINT[]), CAST(? AS DATE[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]))"
            + " AS d (p, d, c, nc) LEFT JOIN nv ON nv.partner_id = d.p AND nv.click_day = d.d ORDER BY d.p, d.d"
            + " ON CONFLICT (partner_id, click_day) DO UPDATE SET clicks = click_days.clicks + EXCLUDED.clicks,"
            + " visitors = click_days.visitors + EXCLUDED.visitors,"
            + " not_counted = click_days.not_counted + EXCLUDED.not_counted";

    private long[] writePostgres(Connection c, List<NewClick> clicks) throws SQLException {
        long[] ids = nextIds(c, clicks.size());
        Tally tally = tally(clicks);
        int n = clicks.size();
        Long[] id = new Long[n];
        Long[] partner = new Long[n];
        String[] created = new String[n];
        Boolean[] counted = new Boolean[n];
        // The sub-IDs are six more arrays of the same statement: no round trip added (ADR 0003).
        String[][] text = new String[14][n];
        for (int i = 0; i < n; i++) {
            NewClick click = clicks.get(i);
            id[i] = ids[i];
            partner[i] = click.partnerId();
            // ISO-8601 with Z: exact to the millisecond and independent of the session's time zone.
            created[i] = click.createdAt().toString();
            counted[i] = click.counted();
            text[0][i] = click.notCounted();
            text[1][i] = click.browser();
            text[2][i] = click.userAgent();
            text[3][i] = click.ip();
            text[4][i] = click.referrer();
            text[5][i] = click.queryString();
            text[6][i] = click.userHash();
            text[7][i] = click.target();
            SubIds tags = click.subIds();
            text[8][i] = tags.sub1();
            text[9][i] = tags.sub2();
            text[10][i] = tags.sub3();
            text[11][i] = tags.sub4();
            text[12][i] = tags.sub5();
            text[13][i] = tags.clickId();
        }
        List<VisitorKey> visitors = tally.candidates();
        Long[] vPartner = new Long[visitors.size()];
        String[] vDay = new String[visitors.size()];
        String[] vHash = new String[visitors.size()];
        for (int i = 0; i < visitors.size(); i++) {
            vPartner[i] = visitors.get(i).partnerId;
            vDay[i] = visitors.get(i).day.toString();
            vHash[i] = visitors.get(i).userHash;
        }
        int days = tally.days().size();
        Long[] dPartner = new Long[days];
        String[] dDay = new String[days];
        Long[] dClicks = new Long[days];
        Long[] dNotCounted = new Long[days];
        int k = 0;
        for (Map.Entry<DayKey, DayCount> e : tally.days().entrySet()) {
            dPartner[k] = e.getKey().partnerId;
            dDay[k] = e.getKey().day.toString();
            dClicks[k] = e.getValue().clicks;
            dNotCounted[k++] = e.getValue().notCounted;
        }
        try (PreparedStatement ps = c.prepareStatement(POSTGRES_BATCH)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("bigint", id));
            ps.setArray(p++, c.createArrayOf("bigint", partner));
            ps.setArray(p++, c.createArrayOf("varchar", created));
            ps.setArray(p++, c.createArrayOf("bool", counted));
            for (String[] column : text) {
                ps.setArray(p++, c.createArrayOf("varchar", column));
            }
            ps.setArray(p++, c.createArrayOf("bigint", vPartner));
            ps.setArray(p++, c.createArrayOf("varchar", vDay));
            ps.setArray(p++, c.createArrayOf("varchar", vHash));
            ps.setArray(p++, c.createArrayOf("bigint", dPartner));
            ps.setArray(p++, c.createArrayOf("varchar", dDay));
            ps.setArray(p++, c.createArrayOf("bigint", dClicks));
            ps.setArray(p++, c.createArrayOf("bigint", dNotCounted));
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
                SubIds tags = click.subIds();
                ps.setString(12, tags.sub1());
                ps.setString(13, tags.sub2());
                ps.setString(14, tags.sub3());
                ps.setString(15, tags.sub4());
                ps.setString(16, tags.sub5());
                ps.setString(17, tags.clickId());
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
