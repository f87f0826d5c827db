package app.ratelink.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** Orders and their status history, in plain SQL that H2 and PostgreSQL both run. */
@Repository
class OrderRepository {

    /** Rows fetched per round trip when a whole range is streamed (partner API, exports). */
    private static final int STREAM_FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new order (its {@code id} is ignored) and returns the generated id. */
    long insert(Order o) {
        Map<String, Object> p = new HashMap<>();
        p.put("publicId", o.publicId());
        p.put("from", o.from());
        p.put("to", o.to());
        p.put("rateIn", o.rateIn());
        p.put("rateOut", o.rateOut());
        p.put("give", o.amountGive());
        p.put("get", o.amountGet());
        p.put("account", o.account());
        p.put("email", o.email());
        p.put("emailSearch", emailSearch(o.email()));
        p.put("city", o.city());
        p.put("status", o.status().code());
        p.put("createdAt", SqlTime.of(o.createdAt()));
        p.put("updatedAt", SqlTime.of(o.updatedAt()));
        p.put("expiresAt", SqlTime.of(o.expiresAt()));
        p.put("ip", o.clientIp());
        p.put("ua", o.userAgent());
        p.put("vid", o.visitorId());
        p.put("partnerId", o.partnerId());
        p.put("clickId", o.clickId());
        p.put("userHash", o.userHash());
        p.put("reward", o.partnerReward());
        SubIds tags = o.subIds();
        p.put("sub1", tags.sub1());
        p.put("sub2", tags.sub2());
        p.put("sub3", tags.sub3());
        p.put("sub4", tags.sub4());
        p.put("sub5", tags.sub5());
        p.put("subClickId", tags.clickId());
        p.put("feeFrom", o.feeFrom());
        p.put("feeTo", o.feeTo());
        p.put("number", o.number());
        p.put("language", o.language());
        p.put("consentedAt", o.consentedAt() == null ? null : SqlTime.of(o.consentedAt()));
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO orders (public_id, from_code, to_code, rate_in, rate_out, amount_give, amount_get,
                  account, email, email_search, city, status, created_at, updated_at, expires_at, client_ip,
                  user_agent, visitor_id, partner_id, click_id, user_hash, partner_reward, sub1, sub2, sub3, sub4, sub5,
                  sub_click_id, fee_from, fee_to, number, language, consented_at)
                VALUES (:publicId, :from, :to, :rateIn, :rateOut, :give, :get, :account, :email, :emailSearch, :city,
                  :status, :createdAt, :updatedAt, :expiresAt, :ip, :ua, :vid, :partnerId, :clickId, :userHash, :reward,
                  :sub1, :sub2, :sub3, :sub4, :sub5, :subClickId, :feeFrom, :feeTo, :number, :language, :consentedAt)""")
                .params(p).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Order> byId(long id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", id).query(OrderRepository::order).optional();
    }

    Optional<Order> byNumber(String number) {
        return jdbc.sql("SELECT * FROM orders WHERE number = :n").param("n", number).query(OrderRepository::order).optional();
    }

    Optional<Order> byPublicId(String publicId) {
        return jdbc.sql("SELECT * FROM orders WHERE public_id = :p").param("p", publicId)
                .query(OrderRepository::order).optional();
    }

    /**
     * Moves the order only if it still has the status the caller saw: the guard that keeps two nodes
     * (or the expiry job and a client) from both applying a move. Returns false when someone else won.
     */
    boolean moveStatus(long id, OrderStatus expected, OrderStatus next, Instant now) {
        return jdbc.sql("UPDATE orders SET status = :next, updated_at = :at WHERE id = :id AND status = :expected")
                .param("next", next.code()).param("at", SqlTime.of(now)).param("id", id)
                .param("expected", expected.code()).update() == 1;
    }

    void appendHistory(long orderId, OrderStatus from, OrderStatus to, String actor, String comment, Instant at) {
        jdbc.sql("""
                INSERT INTO order_status_history (order_id, from_status, to_status, actor, comment, changed_at)
                VALUES (:order, :from, :to, :actor, :comment, :at)""")
                .param("order", orderId).param("from", from == null ? null : from.code()).param("to", to.code())
                .param("actor", actor).param("comment", comment).param("at", SqlTime.of(at)).update();
    }

    List<OrderStatusEntry> history(long orderId) {
        return jdbc.sql("SELECT * FROM order_status_history WHERE order_id = :order ORDER BY id")
                .param("order", orderId)
                .query((rs, n) -> new OrderStatusEntry(rs.getLong("id"), rs.getLong("order_id"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("actor"), rs.getString("comment"), SqlTime.instant(rs, "changed_at")))
                .list();
    }

    void setPartnerReward(long orderId, BigDecimal reward) {
        jdbc.sql("UPDATE orders SET partner_reward = :reward WHERE id = :id")
                .param("reward", reward).param("id", orderId).update();
    }

    List<Order> find(OrderQuery q) {
        Map<String, Object> p = new HashMap<>();
        String where = where(q, p);
        p.put("limit", q.limit());
        p.put("offset", q.offset());
        return jdbc.sql("SELECT * FROM orders" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(p).query(OrderRepository::order).list();
    }

    /**
     * Every order the query selects (its limit and offset ignored), newest first, one row at a time, for
     * exports of any size: rows come in pages of {@value #STREAM_FETCH_SIZE}. Must run inside a
     * transaction for PostgreSQL to use a cursor.
     */
    void eachMatching(OrderQuery q, Consumer<Order> each) {
        Map<String, Object> p = new HashMap<>();
        String sql = "SELECT * FROM orders" + where(q, p) + " ORDER BY created_at DESC, id DESC";
        jdbc.sql(sql).withFetchSize(STREAM_FETCH_SIZE).params(p).query(rs -> {
            each.accept(order(rs, 0));
        });
    }

    long count(OrderQuery q) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM orders" + where(q, p)).params(p).query(Long.class).single();
    }

    /**
     * Hands every order of a partner created in [from, to] to {@code each}, newest first, one row at a
     * time: memory stays bounded however long the range. Must run inside a transaction for PostgreSQL to
     * use a cursor.
     */
    void eachOfPartner(long partnerId, Instant from, Instant to, Integer limit, Consumer<Order> each) {
        Map<String, Object> p = new HashMap<>();
        OrderQuery q = new OrderQuery(null, from, to, partnerId, null, 1, 0);
        String sql = "SELECT * FROM orders" + where(q, p) + " ORDER BY created_at DESC, id DESC";
        if (limit != null) {
            sql += " LIMIT :limit";
            p.put("limit", limit);
        }
        jdbc.sql(sql).withFetchSize(STREAM_FETCH_SIZE).params(p).query(rs -> {
            each.accept(order(rs, 0));
        });
    }

    /** Ids of unpaid orders whose payment window ended at or before {@code now}, oldest first. */
    List<Long> overdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM orders WHERE status = :status AND expires_at <= :now
                ORDER BY expires_at, id LIMIT :limit""")
                .param("status", OrderStatus.NEW.code()).param("now", SqlTime.of(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /** Orders created since {@code since} that a partner referred, per partner (a range of the created_at index). */
    Map<Long, Long> countByPartnerSince(Instant since) {
        Map<Long, Long> result = new HashMap<>();
        jdbc.sql("SELECT partner_id, COUNT(*) AS n FROM orders WHERE created_at >= :since AND partner_id IS NOT NULL"
                        + " GROUP BY partner_id")
                .param("since", SqlTime.of(since))
                .query(rs -> {
                    result.put(rs.getLong("partner_id"), rs.getLong("n"));
                });
        return result;
    }

    /** How many orders created in [from, to) a partner referred (the index on created_at, partner_id covers it). */
    long countReferred(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE created_at >= :from AND created_at < :to"
                        + " AND partner_id IS NOT NULL")
                .param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).query(Long.class).single();
    }

    /** Orders of one status, however old (the status index): what waits for the operator. */
    long countWithStatus(OrderStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE status = :s").param("s", status.code())
                .query(Long.class).single();
    }

    /**
     * Successful orders created in [from, to), summed per direction: what was given ({@code amount_give} in
     * the from currency) and received ({@code amount_get} in the to currency), for turnover and profit.
     */
    List<DirectionSum> successfulByDirection(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT from_code, to_code, COUNT(*) AS n, SUM(amount_give) AS give, SUM(amount_get) AS got
                FROM orders WHERE status = :s AND created_at >= :from AND created_at < :to
                GROUP BY from_code, to_code""")
                .param("s", OrderStatus.SUCCESS.code()).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query((rs, n) -> new DirectionSum(rs.getString("from_code"), rs.getString("to_code"), rs.getLong("n"),
                        Decimals.normalized(rs.getBigDecimal("give")), Decimals.normalized(rs.getBigDecimal("got"))))
                .list();
    }

    /** Orders created in [from, to), counted by status (every status present). */
    Map<OrderStatus, Long> countByStatusBetween(Instant from, Instant to) {
        Map<OrderStatus, Long> result = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            result.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM orders WHERE created_at >= :from AND created_at < :to GROUP BY status")
                .param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query(rs -> {
                    OrderStatus s = status(rs.getString("status"));
                    if (s != null) {
                        result.put(s, rs.getLong("n"));
                    }
                });
        return result;
    }

    /** Orders created since {@code since}, counted by status (uses the created_at index). */
    Map<OrderStatus, Long> countByStatusSince(Instant since) {
        Map<OrderStatus, Long> result = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            result.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM orders WHERE created_at >= :since GROUP BY status")
                .param("since", SqlTime.of(since))
                .query(rs -> {
                    OrderStatus s = status(rs.getString("status"));
                    if (s != null) {
                        result.put(s, rs.getLong("n"));
                    }
                });
        return result;
    }

    private static String where(OrderQuery q, Map<String, Object> p) {
        List<String> conditions = new ArrayList<>();
        if (q.text() != null) {
            conditions.add(textMatch(q.text(), p));
        }
        if (q.status() != null) {
            conditions.add("status = :status");
            p.put("status", q.status().code());
        }
        if (q.from() != null) {
            conditions.add("created_at >= :fromTime");
            p.put("fromTime", SqlTime.of(q.from()));
        }
        if (q.to() != null) {
            conditions.add("created_at <= :toTime");
            p.put("toTime", SqlTime.of(q.to()));
        }
        if (q.partnerId() != null) {
            conditions.add("partner_id = :partnerId");
            p.put("partnerId", q.partnerId());
        }
        if (q.fromCode() != null) {
            conditions.add("from_code = :fromCode");
            p.put("fromCode", q.fromCode());
        }
        if (q.toCode() != null) {
            conditions.add("to_code = :toCode");
            p.put("toCode", q.toCode());
        }
        if (q.currency() != null) {
            conditions.add("(from_code = :currency OR to_code = :currency)");
            p.put("currency", q.currency());
        }
        if (q.beforeId() != null) {
            // Keyset on (created_at, id), the list's order: rows after the given order, however the ids
            // and times of two nodes interleave. The first bound lets the index range stop early.
            conditions.add("created_at <= (SELECT b.created_at FROM orders b WHERE b.id = :beforeId)"
                    + " AND (created_at < (SELECT b.created_at FROM orders b WHERE b.id = :beforeId) OR id < :beforeId)");
            p.put("beforeId", q.beforeId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * What the operator typed, matched exactly against each searchable column through that column's own
     * index (a UNION of index look-ups: an OR over five columns would make H2 read the whole table). The order
     * number is matched as typed and as the client reads it out ({@link PublicIds#asNumber}).
     */
    private static String textMatch(String text, Map<String, Object> p) {
        if (text.length() > OrderQuery.MAX_TEXT) {
            return "1 = 0";
        }
        p.put("text", text);
        p.put("textLower", emailSearch(text));
        StringBuilder ids = new StringBuilder("""
                id IN (SELECT t.id FROM orders t WHERE t.public_id = :text
                UNION SELECT t.id FROM orders t WHERE t.email_search = :textLower
                UNION SELECT t.id FROM orders t WHERE t.account = :text
                UNION SELECT t.id FROM orders t WHERE t.number IN (:text, :textNumber)""");
        p.put("textNumber", PublicIds.asNumber(text));
        if (text.matches("\\d{1,18}")) {
            ids.append(" UNION SELECT t.id FROM orders t WHERE t.id = :textId");
            p.put("textId", Long.parseLong(text));
        }
        return ids.append(")").toString();
    }

    /** The e-mail as searched: addresses are matched without regard to case. */
    static String emailSearch(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static OrderStatus status(String code) {
        return code == null ? null : OrderStatus.of(code).orElse(null);
    }

    static Order order(ResultSet rs, int row) throws SQLException {
        long partner = rs.getLong("partner_id");
        Long partnerId = rs.wasNull() ? null : partner;
        long click = rs.getLong("click_id");
        Long clickId = rs.wasNull() ? null : click;
        return new Order(rs.getLong("id"), rs.getString("public_id"), rs.getString("from_code"),
                rs.getString("to_code"), Decimals.normalized(rs.getBigDecimal("rate_in")),
                Decimals.normalized(rs.getBigDecimal("rate_out")), Decimals.normalized(rs.getBigDecimal("amount_give")),
                Decimals.normalized(rs.getBigDecimal("amount_get")), rs.getString("account"), rs.getString("email"),
                rs.getString("city"), status(rs.getString("status")), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "updated_at"), SqlTime.instant(rs, "expires_at"), rs.getString("client_ip"),
                rs.getString("user_agent"), rs.getString("visitor_id"), partnerId, clickId, rs.getString("user_hash"),
                Decimals.normalized(rs.getBigDecimal("partner_reward")), subIds(rs),
                Decimals.normalized(rs.getBigDecimal("fee_from")), Decimals.normalized(rs.getBigDecimal("fee_to")),
                rs.getString("number"), rs.getString("language"), SqlTime.instant(rs, "consented_at"));
    }

    boolean numberTaken(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE number = :n").param("n", number).query(Long.class).single() > 0;
    }

    /** The sub-ID columns of an {@code orders} row. */
    static SubIds subIds(ResultSet rs) throws SQLException {
        return new SubIds(rs.getString("sub1"), rs.getString("sub2"), rs.getString("sub3"), rs.getString("sub4"),
                rs.getString("sub5"), rs.getString("sub_click_id"));
    }
}
