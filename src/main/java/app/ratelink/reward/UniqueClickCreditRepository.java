package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** The statements on unique_click_credits. */
@Repository
class UniqueClickCreditRepository {

    private final JdbcClient jdbc;

    UniqueClickCreditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the day's row; a second insert of the same partner and day fails on the primary key. */
    void insert(UniqueClickCredit c, Instant at) {
        jdbc.sql("""
                INSERT INTO unique_click_credits (partner_id, click_day, visitors, reward, amount, created_at)
                VALUES (:p, :day, :visitors, :reward, :amount, :at)""")
                .param("p", c.partnerId()).param("day", c.day()).param("visitors", c.visitors())
                .param("reward", c.reward()).param("amount", c.amount()).param("at", SqlTime.of(at)).update();
    }

    Set<LocalDate> creditedDays(long partnerId, LocalDate from, LocalDate to) {
        return new TreeSet<>(jdbc.sql("""
                SELECT click_day FROM unique_click_credits WHERE partner_id = :p AND click_day >= :from AND click_day <= :to""")
                .param("p", partnerId).param("from", from).param("to", to).query(LocalDate.class).list());
    }

    /** The credited days of {@code from}..{@code to}, oldest first. */
    List<UniqueClickCredit> between(long partnerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM unique_click_credits WHERE partner_id = :p AND click_day >= :from AND click_day <= :to
                 ORDER BY click_day""")
                .param("p", partnerId).param("from", from).param("to", to)
                .query((rs, n) -> new UniqueClickCredit(rs.getLong("partner_id"), rs.getObject("click_day", LocalDate.class),
                        rs.getLong("visitors"), Decimals.normalized(rs.getBigDecimal("reward")),
                        Decimals.normalized(rs.getBigDecimal("amount")))).list();
    }

    BigDecimal total(long partnerId) {
        return Decimals.normalized(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM unique_click_credits WHERE partner_id = :p")
                .param("p", partnerId).query(BigDecimal.class).single());
    }
}
