package app.ratelink.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.order.SubIds;
import app.ratelink.system.SqlTime;

/**
 * Reads a partner's counted clicks (not bots, HEAD, prefetch or the partner's own visits), newest first,
 * for the partner API, the cabinet and CSV export. Rows are streamed with a JDBC fetch size, never
 * collected: a partner with millions of clicks is read in bounded memory. PostgreSQL streams only with
 * autocommit off, hence the read-only transaction around the query.
 */
@Service
public class Clicks {

    static final int FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    Clicks(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Calls {@code each} for the partner's counted clicks with {@code from <= time <= to} (either bound
     * null = open), newest first (time, then id, descending), at most {@code limit} when not null.
     */
    public void eachOfPartner(long partnerId, Instant from, Instant to, Integer limit, Consumer<Click> each) {
        if (limit != null && limit <= 0) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT id, created_at, browser, ip, referrer, user_hash, query_string"
                + " FROM clicks WHERE partner_id = :partner AND counted = TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource("partner", partnerId);
        if (from != null) {
            sql.append(" AND created_at >= :from");
            params.addValue("from", SqlTime.of(from));
        }
        if (to != null) {
            sql.append(" AND created_at <= :to");
            params.addValue("to", SqlTime.of(to));
        }
        sql.append(" ORDER BY partner_id DESC, created_at DESC, id DESC");
        if (limit != null) {
            sql.append(" FETCH FIRST :limit ROWS ONLY");
            params.addValue("limit", limit);
        }
        readOnly.executeWithoutResult(status -> jdbc.query(sql.toString(), params,
                rs -> {
                    each.accept(click(rs));
                }));
    }

    /** A counted click with the partner's sub-IDs, as a postback announces it. */
    public record TaggedClick(long id, Instant time, SubIds subIds) {
    }

    /**
     * The partner's counted clicks after the position ({@code afterTime}, {@code afterId}) and at or before
     * {@code upTo}, oldest first, at most {@code limit}: along the (partner, time, id) index.
     */
    public List<TaggedClick> countedAfter(long partnerId, Instant afterTime, long afterId, Instant upTo, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("partner", partnerId)
                .addValue("t", SqlTime.of(afterTime)).addValue("id", afterId).addValue("upTo", SqlTime.of(upTo))
                .addValue("limit", limit);
        return jdbc.query("""
                SELECT id, created_at, sub1, sub2, sub3, sub4, sub5, sub_click_id FROM clicks
                WHERE partner_id = :partner AND counted = TRUE AND created_at <= :upTo
                  AND (created_at > :t OR (created_at = :t AND id > :id))
                ORDER BY partner_id, created_at, id FETCH FIRST :limit ROWS ONLY""", params,
                (rs, n) -> new TaggedClick(rs.getLong("id"), SqlTime.instant(rs, "created_at"),
                        new SubIds(rs.getString("sub1"), rs.getString("sub2"), rs.getString("sub3"),
                                rs.getString("sub4"), rs.getString("sub5"), rs.getString("sub_click_id"))));
    }

    static Click click(ResultSet rs) throws SQLException {
        return new Click(rs.getLong("id"), SqlTime.instant(rs, "created_at"), rs.getString("browser"),
                rs.getString("ip"), rs.getString("referrer"), rs.getString("user_hash"), rs.getString("query_string"));
    }
}
