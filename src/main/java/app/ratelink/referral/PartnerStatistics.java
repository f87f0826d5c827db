package app.ratelink.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import app.ratelink.money.Decimals;
import app.ratelink.order.OrderStatus;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;

/**
 * A partner's statistics by day: clicks and unique visitors from the daily aggregate (never a count of
 * the click table), orders and earnings from the partner's orders (index on partner and time). Earnings
 * are the rewards of the orders that reached {@code success}; the reward ledger is the balance's truth.
 */
@Service
public class PartnerStatistics {

    /** The longest period one page shows. */
    public static final int MAX_DAYS = 366;

    public record Day(LocalDate day, long clicks, long visitors, long orders, BigDecimal earnings) {
    }

    /**
     * {@code visitors} adds up the distinct visitors of each day (a visitor who came on two days counts
     * on both); {@code conversion} is orders per 100 clicks.
     */
    public record Statistics(LocalDate from, LocalDate to, List<Day> days, long clicks, long visitors, long orders,
                             BigDecimal earnings) {

        public BigDecimal conversion() {
            if (clicks == 0) {
                return BigDecimal.ZERO;
            }
            return BigDecimal.valueOf(orders).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP);
        }

        public String earningsText() {
            return Decimals.plain(earnings);
        }
    }

    private static final class Tally {
        long clicks;
        long visitors;
        long orders;
        BigDecimal earnings = BigDecimal.ZERO;
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Settings settings;

    PartnerStatistics(DataSource dataSource, Settings settings) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(Clicks.FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.settings = settings;
    }

    /**
     * Counted unique visitors (bots, prefetch, HEAD and own visits never count) per day, site time zone, for
     * the days {@code from}..{@code to} inclusive that had any: what a partner paid per unique click earns on.
     */
    public Map<LocalDate, Long> uniqueVisitors(long partnerId, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new java.util.TreeMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("partner", partnerId)
                .addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to));
        jdbc.query("SELECT click_day, visitors FROM click_days WHERE partner_id = :partner AND click_day >= :from"
                + " AND click_day <= :to AND visitors > 0", params, rs -> {
                    days.merge(rs.getDate("click_day").toLocalDate(), rs.getLong("visitors"), Long::sum);
                });
        return days;
    }

    /**
     * Counted clicks per partner over the days {@code from}..{@code to} inclusive (site time zone), read from
     * the daily aggregate through its day index: the click table itself is never counted.
     */
    public Map<Long, Long> clicksByPartner(LocalDate from, LocalDate to) {
        Map<Long, Long> result = new HashMap<>();
        jdbc.query("SELECT partner_id, SUM(clicks) AS n FROM click_days WHERE click_day >= :from AND click_day <= :to"
                        + " GROUP BY partner_id",
                new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to)),
                rs -> {
                    result.put(rs.getLong("partner_id"), rs.getLong("n"));
                });
        return result;
    }

    /** Counted clicks of all partners over the days {@code from}..{@code to} inclusive, from the daily aggregate. */
    public long clicks(LocalDate from, LocalDate to) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(clicks), 0) FROM click_days"
                        + " WHERE click_day >= :from AND click_day <= :to",
                new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to)), Long.class);
        return n == null ? 0 : n;
    }

    /** Days {@code from}..{@code to} inclusive (site time zone), at most {@link #MAX_DAYS}. */
    public Statistics of(long partnerId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            throw new IllegalArgumentException("period must be 1.." + MAX_DAYS + " days");
        }
        Map<LocalDate, Tally> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Tally());
        }
        MapSqlParameterSource params = new MapSqlParameterSource("partner", partnerId)
                .addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to));
        jdbc.query("SELECT click_day, clicks, visitors FROM click_days"
                + " WHERE partner_id = :partner AND click_day >= :from AND click_day <= :to", params, rs -> {
                    Tally t = days.get(rs.getDate("click_day").toLocalDate());
                    if (t != null) {
                        t.clicks += rs.getLong("clicks");
                        t.visitors += rs.getLong("visitors");
                    }
                });
        ZoneId zone = settings.zone();
        params.addValue("start", SqlTime.of(from.atStartOfDay(zone).toInstant()))
                .addValue("end", SqlTime.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
        jdbc.query("SELECT created_at, status, partner_reward FROM orders"
                + " WHERE partner_id = :partner AND created_at >= :start AND created_at < :end", params, rs -> {
                    Tally t = days.get(SqlTime.instant(rs, "created_at").atZone(zone).toLocalDate());
                    if (t != null) {
                        t.orders++;
                        BigDecimal reward = rs.getBigDecimal("partner_reward");
                        if (OrderStatus.SUCCESS.code().equals(rs.getString("status")) && reward != null) {
                            t.earnings = t.earnings.add(reward);
                        }
                    }
                });
        List<Day> result = new ArrayList<>();
        long clicks = 0;
        long visitors = 0;
        long orders = 0;
        BigDecimal earnings = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, Tally> e : days.entrySet()) {
            Tally t = e.getValue();
            result.add(new Day(e.getKey(), t.clicks, t.visitors, t.orders, Decimals.normalized(t.earnings)));
            clicks += t.clicks;
            visitors += t.visitors;
            orders += t.orders;
            earnings = earnings.add(t.earnings);
        }
        return new Statistics(from, to, result, clicks, visitors, orders, Decimals.normalized(earnings));
    }
}
