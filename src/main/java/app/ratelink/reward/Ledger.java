package app.ratelink.reward;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.system.SqlTime;

/**
 * The partners' append-only reward ledger, in the base currency ({@link BaseCurrency}; booking another
 * currency is refused, not converted). Entries are only ever inserted; a balance is the sum
 * of a partner's entries. The idempotency key makes booking the same event twice a no-op, whichever
 * thread or node tries it second. Each booking also moves the partner's row of running totals
 * ({@code reward_totals}) in the same transaction, so lists of all partners never sum the ledger.
 */
@Repository
public class Ledger {

    public enum Kind {
        CREDIT, REVERSAL, HOLD, RELEASE,
        /** An operator's credit (goodwill) or debit (chargeback), with its reason. */
        ADJUSTMENT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }

        /** Rewards earned and kept: what {@code earned} sums. */
        boolean earning() {
            return this == CREDIT || this == REVERSAL;
        }
    }

    /** One booked entry; {@code orderId} for credits and reversals, {@code payoutId} for holds and releases. */
    public record Entry(long id, long partnerId, Kind kind, Money amount, Long orderId, Long payoutId,
                        String reason, String key, Instant createdAt) {
    }

    /** A partner's running totals (base currency): balance, earned (credits − reversals), adjustments. */
    public record Totals(long partnerId, Money balance, Money earned, Money adjusted) {

        public static Totals none(long partnerId) {
            return new Totals(partnerId, BaseCurrency.zero(), BaseCurrency.zero(), BaseCurrency.zero());
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
    public boolean book(long partnerId, Kind kind, Money amount, Long orderId, Long payoutId, String key) {
        return book(partnerId, kind, amount, orderId, payoutId, key, null);
    }

    /** {@link #book(long, Kind, Money, Long, Long, String)} with the operator's reason (adjustments). */
    public boolean book(long partnerId, Kind kind, Money money, Long orderId, Long payoutId, String key,
                        String reason) {
        BigDecimal amount = BaseCurrency.requireBase(money).amount();
        if (exists(key)) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO reward_ledger (partner_id, kind, amount, order_id, payout_id, idempotency_key, reason,
                                               created_at)
                    VALUES (:partner, :kind, :amount, :order, :payout, :key, :reason, :at)""")
                    .param("partner", partnerId).param("kind", kind.code()).param("amount", amount)
                    .param("order", orderId).param("payout", payoutId).param("key", key).param("reason", reason)
                    .param("at", SqlTime.of(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        addToTotals(partnerId, kind, amount);
        return true;
    }

    /**
     * Adds a booked entry to the partner's totals row, in the booking's transaction. The row is made by the
     * partner's first booking, under a lock on the partner's row, so two first bookings on two nodes never
     * both insert it (a duplicate key would abort the PostgreSQL transaction).
     */
    private void addToTotals(long partnerId, Kind kind, BigDecimal amount) {
        if (updateTotals(partnerId, kind, amount)) {
            return;
        }
        lockPartner(partnerId);
        if (updateTotals(partnerId, kind, amount)) {
            return;
        }
        jdbc.sql("INSERT INTO reward_totals (partner_id, balance, earned, adjusted) VALUES (:p, :b, :e, :a)")
                .param("p", partnerId).param("b", amount).param("e", kind.earning() ? amount : BigDecimal.ZERO)
                .param("a", kind == Kind.ADJUSTMENT ? amount : BigDecimal.ZERO).update();
    }

    /**
     * Serializes this partner's bookings on every node until the caller's transaction ends (a row lock on
     * the partner, the one payouts take too): a check-then-book under it cannot race.
     */
    public void lockPartner(long partnerId) {
        jdbc.sql("SELECT id FROM partners WHERE id = :id FOR UPDATE").param("id", partnerId).query(Long.class).optional();
    }

    private boolean updateTotals(long partnerId, Kind kind, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE reward_totals SET balance = balance + :b, earned = earned + :e, adjusted = adjusted + :a
                WHERE partner_id = :p""")
                .param("p", partnerId).param("b", amount).param("e", kind.earning() ? amount : BigDecimal.ZERO)
                .param("a", kind == Kind.ADJUSTMENT ? amount : BigDecimal.ZERO).update() == 1;
    }

    /** The entry booked under {@code key}, if any. */
    public Optional<Entry> byKey(String key) {
        return jdbc.sql("SELECT * FROM reward_ledger WHERE idempotency_key = :key").param("key", key)
                .query(Ledger::entry).optional();
    }

    /** A partner's entries, newest first, at most {@code limit}, continuing before {@code beforeId} when set. */
    public List<Entry> entries(long partnerId, Long beforeId, Set<Kind> kinds, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("p", partnerId);
        p.put("limit", limit);
        StringBuilder sql = new StringBuilder("SELECT * FROM reward_ledger WHERE partner_id = :p");
        if (beforeId != null) {
            sql.append(" AND id < :before");
            p.put("before", beforeId);
        }
        if (kinds != null && !kinds.isEmpty()) {
            sql.append(" AND kind IN (:kinds)");
            p.put("kinds", kinds.stream().map(Kind::code).toList());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return jdbc.sql(sql.toString()).params(p).query(Ledger::entry).list();
    }

    /** The running totals of these partners (one row each, no ledger sum); partners without entries are absent. */
    public Map<Long, Totals> totals(Collection<Long> partnerIds) {
        Map<Long, Totals> result = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(partnerIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("SELECT * FROM reward_totals WHERE partner_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        long id = rs.getLong("partner_id");
                        result.put(id, new Totals(id, base(rs.getBigDecimal("balance")), base(rs.getBigDecimal("earned")),
                                base(rs.getBigDecimal("adjusted"))));
                    });
        }
        return result;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        long payout = rs.getLong("payout_id");
        Long payoutId = rs.wasNull() ? null : payout;
        return new Entry(rs.getLong("id"), rs.getLong("partner_id"), Kind.of(rs.getString("kind")),
                base(rs.getBigDecimal("amount")), orderId, payoutId, rs.getString("reason"),
                rs.getString("idempotency_key"), SqlTime.instant(rs, "created_at"));
    }

    boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    public Money balance(long partnerId) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p", partnerId);
    }

    /** Credits minus reversals: what the partner has earned and kept. */
    public Money earned(long partnerId) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p"
                + " AND kind IN ('credit', 'reversal')", partnerId);
    }

    /** How many credits and reversals an order has had: the sequence number of its next one. */
    int count(long orderId, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE order_id = :o AND kind = :k")
                .param("o", orderId).param("k", kind.code()).query(Integer.class).single();
    }

    private Money sum(String sql, long partnerId) {
        return base(jdbc.sql(sql).param("p", partnerId).query(BigDecimal.class).single());
    }

    /** A stored base-currency amount, without the column's trailing zeros. */
    static Money base(BigDecimal stored) {
        return BaseCurrency.of(Decimals.normalized(stored));
    }
}
