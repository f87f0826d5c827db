package app.ratelink.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;

/**
 * Click listings with filters, newest first: the partner's clicks page and CSV, and the admin click log.
 * Pages use keyset paging on (time, id), so a deep page costs what the first one does; CSV is streamed.
 */
@Service
public class ClickLog {

    private static final Set<String> REASONS = Set.of(NotCounted.BOT, NotCounted.HEAD, NotCounted.PREFETCH,
            NotCounted.OWN);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Settings settings;

    ClickLog(DataSource dataSource, Settings settings) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(Clicks.FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
    }

    /**
     * A page of a listing: the rows, and where the next (older) page starts when there is one. The
     * position is that of the last row looked at, which is past the last row shown when a text filter
     * made the scan stop before the page was full.
     */
    public record Page(List<ClickRow> rows, boolean older, Instant nextTime, Long nextId) {
    }

    private static final int CHUNK = 2000;
    private static final int MAX_SCANNED = 100_000;

    /**
     * Up to {@code size} rows. The rows are walked newest first along the (partner,) time index in chunks
     * and the other filters are applied here: a database would often rather read all of a big partner's
     * rows and sort them than walk the index for a text filter, which takes seconds on millions of clicks.
     * A page never scans more than {@value #MAX_SCANNED} rows; the "older" link continues from there.
     */
    public Page page(ClickQuery query, int size) {
        List<ClickRow> rows = new ArrayList<>();
        ClickQuery position = query;
        int scanned = 0;
        ClickRow last = null;
        // Without a filter the first chunk is the page; with one, chunks grow until they find enough.
        int wanted = size + 1;
        while (true) {
            MapSqlParameterSource params = new MapSqlParameterSource();
            String sql = sql(position, params, false) + " FETCH FIRST " + wanted + " ROWS ONLY";
            List<ClickRow> chunk = new ArrayList<>();
            jdbc.query(sql, params, rs -> {
                chunk.add(row(rs));
            });
            for (ClickRow row : chunk) {
                last = row;
                scanned++;
                if (matches(query, row)) {
                    if (rows.size() == size) {
                        ClickRow shown = rows.get(size - 1);
                        return new Page(rows, true, shown.time(), shown.id());
                    }
                    rows.add(row);
                }
            }
            if (chunk.size() < wanted) {
                return new Page(rows, false, null, null);
            }
            if (scanned >= MAX_SCANNED) {
                return new Page(rows, true, last.time(), last.id());
            }
            position = position.before(last.time(), last.id());
            wanted = Math.min(CHUNK, wanted * 4);
        }
    }

    private static boolean matches(ClickQuery q, ClickRow row) {
        return contains(row.browser(), q.browser()) && contains(row.referrer(), q.referrer())
                && (!present(q.ip()) || q.ip().trim().equals(row.ip()))
                && (!present(q.userHash()) || q.userHash().trim().toLowerCase(Locale.ROOT).equals(row.userHash()))
                && flagMatches(q.flag(), row);
    }

    private static boolean contains(String value, String filter) {
        return !present(filter) || (value != null
                && value.toLowerCase(Locale.ROOT).contains(filter.trim().toLowerCase(Locale.ROOT)));
    }

    private static boolean flagMatches(String flag, ClickRow row) {
        if ("counted".equals(flag)) {
            return row.counted();
        }
        if ("not-counted".equals(flag)) {
            return !row.counted();
        }
        if (flag != null && REASONS.contains(flag)) {
            return flag.equals(row.notCounted());
        }
        return true;
    }

    /** Every matching row, streamed (CSV export). */
    public void each(ClickQuery query, Consumer<ClickRow> each) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = sql(query, params, true);
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, rs -> {
            each.accept(row(rs));
        }));
    }

    /** {@code filtered}: with every filter in SQL; else only those the index serves (partner, time, cursor). */
    private String sql(ClickQuery q, MapSqlParameterSource params, boolean filtered) {
        StringBuilder sql = new StringBuilder("SELECT c.*, p.code AS partner_code FROM clicks c"
                + " LEFT JOIN partners p ON p.id = c.partner_id WHERE 1 = 1");
        ZoneId zone = settings.zone();
        if (q.partnerId() != null) {
            sql.append(" AND c.partner_id = :partner");
            params.addValue("partner", q.partnerId());
        }
        if (q.from() != null) {
            sql.append(" AND c.created_at >= :from");
            params.addValue("from", SqlTime.of(q.from().atStartOfDay(zone).toInstant()));
        }
        if (q.to() != null) {
            sql.append(" AND c.created_at < :to");
            params.addValue("to", SqlTime.of(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (q.beforeTime() != null && q.beforeId() != null) {
            sql.append(" AND (c.created_at < :beforeTime OR (c.created_at = :beforeTime AND c.id < :beforeId))");
            params.addValue("beforeTime", SqlTime.of(q.beforeTime())).addValue("beforeId", q.beforeId());
        }
        if (filtered) {
            otherFilters(q, sql, params);
        }
        sql.append(q.partnerId() != null ? " ORDER BY c.partner_id DESC, c.created_at DESC, c.id DESC"
                : " ORDER BY c.created_at DESC, c.id DESC");
        return sql.toString();
    }

    private static void otherFilters(ClickQuery q, StringBuilder sql, MapSqlParameterSource params) {
        contains(sql, params, "browser", q.browser());
        contains(sql, params, "referrer", q.referrer());
        if (present(q.ip())) {
            sql.append(" AND c.ip = :ip");
            params.addValue("ip", q.ip().trim());
        }
        if (present(q.userHash())) {
            sql.append(" AND c.user_hash = :userHash");
            params.addValue("userHash", q.userHash().trim().toLowerCase(Locale.ROOT));
        }
        if ("counted".equals(q.flag())) {
            sql.append(" AND c.counted = TRUE");
        } else if ("not-counted".equals(q.flag())) {
            sql.append(" AND c.counted = FALSE");
        } else if (q.flag() != null && REASONS.contains(q.flag())) {
            sql.append(" AND c.not_counted = :reason");
            params.addValue("reason", q.flag());
        }
    }

    private static void contains(StringBuilder sql, MapSqlParameterSource params, String column, String value) {
        if (!present(value)) {
            return;
        }
        String escaped = value.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        sql.append(" AND LOWER(c.").append(column).append(") LIKE :").append(column).append(" ESCAPE '\\'");
        params.addValue(column, "%" + escaped + "%");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static ClickRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ClickRow(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_code"),
                SqlTime.instant(rs, "created_at"), rs.getBoolean("counted"), rs.getString("not_counted"),
                rs.getString("browser"), rs.getString("user_agent"), rs.getString("ip"), rs.getString("referrer"),
                rs.getString("query_string"), rs.getString("user_hash"), rs.getString("target"));
    }
}
