package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/**
 * The partners' append-only reward ledger (USD). Entries are only ever inserted; a balance is the sum
 * of a partner's entries. The idempotency key makes booking the same event twice a no-op, whichever
 * thread or node tries it second.
 */
@Repository
public class Ledger {

    public enum Kind {
        CREDIT, REVERSAL, HOLD, RELEASE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry unless one with the same key exists. Returns whether this call booked it. Runs in
     * the caller's transaction; on PostgreSQL a duplicate would abort that transaction, so the key is
     * checked first and the unique index only decides the rare true race (which then fails the caller's
     * transaction, as it must: the other booking stands).
     */
    public boolean book(long partnerId, Kind kind, BigDecimal amount, Long orderId, Long payoutId, String key) {
        if (exists(key)) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO reward_ledger (partner_id, kind, amount, order_id, payout_id, idempotency_key, created_at)
                    VALUES (:partner, :kind, :amount, :order, :payout, :key, :at)""")
                    .param("partner", partnerId).param("kind", kind.code()).param("amount", amount)
                    .param("order", orderId).param("payout", payoutId).param("key", key)
                    .param("at", SqlTime.of(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    public BigDecimal balance(long partnerId) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p", partnerId);
    }

    /** Credits minus reversals: what the partner has earned and kept. */
    public BigDecimal earned(long partnerId) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p"
                + " AND kind IN ('credit', 'reversal')", partnerId);
    }

    /** How many credits and reversals an order has had: the sequence number of its next one. */
    int count(long orderId, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE order_id = :o AND kind = :k")
                .param("o", orderId).param("k", kind.code()).query(Integer.class).single();
    }

    private BigDecimal sum(String sql, long partnerId) {
        return Decimals.normalized(jdbc.sql(sql).param("p", partnerId).query(BigDecimal.class).single());
    }
}
