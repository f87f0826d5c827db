package app.ratelink.referral;

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

    /** Up to {@code size} rows; one more is read to tell whether an older page exists. */
    public List<ClickRow> page(ClickQuery query, int size) {
        List<ClickRow> rows = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = sql(query, params) + " FETCH FIRST " + (size + 1) + " ROWS ONLY";
        jdbc.query(sql, params, rs -> {
            rows.add(row(rs));
        });
        return rows;
    }

    /** Every matching row, streamed (CSV export). */
    public void each(ClickQuery query, Consumer<ClickRow> each) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = sql(query, params);
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, rs -> {
            each.accept(row(rs));
        }));
    }

    private String sql(ClickQuery q, MapSqlParameterSource params) {
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
        sql.append(q.partnerId() != null ? " ORDER BY c.partner_id DESC, c.created_at DESC, c.id DESC"
                : " ORDER BY c.created_at DESC, c.id DESC");
        return sql.toString();
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
