package app.ratelink.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** The statements on {@code reserve_holds} and on the reserve column of {@code currencies}. */
@Repository
class ReserveRepository {

    record Hold(long orderId, String currency, BigDecimal amount, String state) {
    }

    private final JdbcClient jdbc;

    ReserveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the currency's row lock (every node waits here), returning the base reserve; empty when unknown. */
    Optional<BigDecimal> lockBase(String code) {
        return jdbc.sql("SELECT reserve FROM currencies WHERE code = :code FOR UPDATE").param("code", code)
                .query(BigDecimal.class).optional().map(Decimals::normalized);
    }

    BigDecimal held(String code) {
        return Decimals.normalized(jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM reserve_holds WHERE currency_code = :code AND state = 'held'""")
                .param("code", code).query(BigDecimal.class).single());
    }

    Optional<Hold> hold(long orderId) {
        return jdbc.sql("SELECT * FROM reserve_holds WHERE order_id = :o").param("o", orderId)
                .query((rs, n) -> new Hold(rs.getLong("order_id"), rs.getString("currency_code"),
                        Decimals.normalized(rs.getBigDecimal("amount")), rs.getString("state")))
                .optional();
    }

    void put(long orderId, String code, BigDecimal amount, String state, Instant now) {
        int updated = jdbc.sql("""
                UPDATE reserve_holds SET currency_code = :code, amount = :amount, state = :state, updated_at = :at
                WHERE order_id = :o""")
                .param("code", code).param("amount", amount).param("state", state).param("at", SqlTime.of(now))
                .param("o", orderId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO reserve_holds (order_id, currency_code, amount, state, updated_at)
                    VALUES (:o, :code, :amount, :state, :at)""")
                    .param("code", code).param("amount", amount).param("state", state).param("at", SqlTime.of(now))
                    .param("o", orderId).update();
        }
    }

    void addToBase(String code, BigDecimal delta, Instant now) {
        jdbc.sql("UPDATE currencies SET reserve = reserve + :delta, updated_at = :at WHERE code = :code")
                .param("delta", delta).param("at", SqlTime.of(now)).param("code", code).update();
    }
}
