package app.ratelink.reward;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.order.Order;
import app.ratelink.order.OrderCreated;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.OrderStatusChanged;
import app.ratelink.order.Orders;
import app.ratelink.order.SubIds;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;

/**
 * Partner rewards on orders. The reward is computed when an attributed order is created (shown as
 * {@code partner_reward}) and again when it reaches success (the partner may have reached a level
 * meanwhile); it is credited to the ledger on success and reversed when the order leaves success.
 * <p>
 * Both listeners run inside the order's status-change transaction, after the guarded status update
 * took the order's row: a second "success" for the same order, from a thread or another node, waits
 * for that row, then finds the status already set and books nothing. The ledger's idempotency keys
 * ("credit:&lt;order&gt;:&lt;n&gt;") are the second guard.
 */
@Service
public class Rewards {

    static final int FETCH_SIZE = 500;
    /** The order columns of {@link SubIds#NAMES}, in that order. */
    private static final List<String> TAG_COLUMNS = List.of("sub1", "sub2", "sub3", "sub4", "sub5", "sub_click_id");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Orders orders;
    private final Catalog catalog;
    private final Partners partners;
    private final Settings settings;
    private final Partnerships partnerships;

    Rewards(JdbcClient jdbc, Ledger ledger, Orders orders, Catalog catalog, Partners partners, Settings settings,
            Partnerships partnerships) {
        this.partnerships = partnerships;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.orders = orders;
        this.catalog = catalog;
        this.partners = partners;
        this.settings = settings;
    }

    @EventListener
    void onCreated(OrderCreated event) {
        orders.find(event.orderId()).filter(o -> o.partnerId() != null)
                .ifPresent(order -> orders.recordPartnerReward(order.id(), compute(order).amount()));
    }

    @EventListener
    void onStatusChanged(OrderStatusChanged event) {
        if (event.to() == OrderStatus.SUCCESS) {
            orders.find(event.orderId()).filter(o -> o.partnerId() != null).ifPresent(this::credit);
        } else if (event.from() == OrderStatus.SUCCESS) {
            orders.find(event.orderId()).filter(o -> o.partnerId() != null).ifPresent(this::reverse);
        }
    }

    private void credit(Order order) {
        Money reward = compute(order);
        if (!reward.equals(BaseCurrency.of(order.partnerReward() == null ? BigDecimal.ZERO : order.partnerReward()))) {
            orders.recordPartnerReward(order.id(), reward.amount());
        }
        if (reward.isLessThan(RewardCalculation.MINIMUM)) {
            return;
        }
        int n = ledger.count(order.id(), Ledger.Kind.CREDIT);
        ledger.book(order.partnerId(), Ledger.Kind.CREDIT, reward, order.id(), null, "credit:" + order.id() + ":" + n);
    }

    private void reverse(Order order) {
        Money standing = standing(order.id());
        if (!standing.isPositive()) {
            return;
        }
        int n = ledger.count(order.id(), Ledger.Kind.REVERSAL);
        ledger.book(order.partnerId(), Ledger.Kind.REVERSAL, standing.negate(), order.id(), null,
                "reversal:" + order.id() + ":" + n);
    }

    /** The reward the order's partner earns on it now, in the base currency. */
    Money compute(Order order) {
        Optional<Partner> partner = partners.byId(order.partnerId());
        Optional<Direction> direction = catalog.direction(order.from(), order.to());
        Optional<Currency> from = catalog.currency(order.from());
        if (partner.isEmpty() || direction.isEmpty() || from.isEmpty()) {
            return BaseCurrency.zero();
        }
        if (partnerships.terms(order.partnerId()).paysPerUniqueClick()) {
            // Paid per unique visitor (UniqueClickRewards), not also per order.
            return BaseCurrency.zero();
        }
        Direction d = direction.get();
        boolean self = order.email() != null
                && order.email().trim().toLowerCase(Locale.ROOT).equals(partner.get().email().toLowerCase(Locale.ROOT));
        return RewardCalculation.reward(new RewardCalculation.Input(
                "amount".equals(settings.get(Setting.REWARD_BASE)) ? RewardCalculation.Base.AMOUNT : RewardCalculation.Base.PROFIT,
                order.amountGive().multiply(from.get().usdRate()), d.profitPercent(), d.rewardPercent(), d.rewardFixed(),
                partner.get().rewardPercent(), RewardLevels.parse(settings.get(Setting.REWARD_LEVELS)),
                turnover(order.partnerId(), order.id()), settings.decimal(Setting.REWARD_PERCENT), self));
    }

    /** The partner's reward percent and level now, for a direction without its own reward. */
    public RewardTerms terms(long partnerId) {
        Partner partner = partners.byId(partnerId).orElseThrow();
        BigDecimal turnover = turnover(partnerId, -1);
        String base = settings.get(Setting.REWARD_BASE);
        if (partner.rewardPercent() != null) {
            return new RewardTerms(base, Decimals.normalized(partner.rewardPercent()), true, turnover, null, null);
        }
        RewardLevels levels = RewardLevels.parse(settings.get(Setting.REWARD_LEVELS));
        BigDecimal percent = levels.percentFor(turnover).orElse(settings.decimal(Setting.REWARD_PERCENT));
        Optional<RewardLevels.Level> next = levels.next(turnover);
        return new RewardTerms(base, Decimals.normalized(percent), false, turnover,
                next.map(l -> Decimals.normalized(l.turnoverUsd())).orElse(null),
                next.map(l -> Decimals.normalized(l.percent())).orElse(null));
    }

    /** The partner's successful turnover in USD, other orders than {@code except}, at today's USD values. */
    public BigDecimal turnover(long partnerId, long except) {
        return Decimals.normalized(jdbc.sql("""
                SELECT COALESCE(SUM(o.amount_give * c.usd_rate), 0) FROM orders o JOIN currencies c ON c.code = o.from_code
                WHERE o.partner_id = :p AND o.status = 'success' AND o.id <> :except""")
                .param("p", partnerId).param("except", except).query(BigDecimal.class).single());
    }

    /** What is credited for the order right now (credits minus reversals); 0 when nothing stands. */
    public Money standing(long orderId) {
        return Ledger.base(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE order_id = :o"
                        + " AND kind IN ('credit', 'reversal')")
                .param("o", orderId).query(BigDecimal.class).single());
    }

    /** Credited minus reversed rewards of the partner, all time. */
    public Money earned(long partnerId) {
        return ledger.earned(partnerId);
    }

    /**
     * The partner's attributed orders created in [from, to] (inclusive, null = open), newest first, at
     * most {@code limit}, handed over one at a time: rows stream from the database in pages, so a whole
     * range never sits in memory.
     */
    @Transactional(readOnly = true)
    public void eachOrderOfPartner(long partnerId, Instant from, Instant to, Integer limit, Consumer<PartnerOrder> each) {
        eachOrderOfPartner(partnerId, from, to, SubIds.NONE, limit, each);
    }

    /**
     * The same, only the orders whose sub-IDs equal every non-empty value of {@code tags} (the cabinet's
     * filter); the partner's orders are walked along the (partner, time) index.
     */
    @Transactional(readOnly = true)
    public void eachOrderOfPartner(long partnerId, Instant from, Instant to, SubIds tags, Integer limit,
                                   Consumer<PartnerOrder> each) {
        if (limit != null && limit <= 0) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("p", partnerId);
        StringBuilder sql = new StringBuilder("""
                SELECT o.id, o.created_at, o.rate_in, o.rate_out, o.amount_give, o.amount_get, o.status,
                       o.partner_reward, o.user_hash, o.from_code, o.to_code,
                       o.sub1, o.sub2, o.sub3, o.sub4, o.sub5, o.sub_click_id,
                       (SELECT COALESCE(SUM(l.amount), 0) FROM reward_ledger l
                         WHERE l.order_id = o.id AND l.kind IN ('credit', 'reversal')) AS standing
                FROM orders o WHERE o.partner_id = :p""");
        if (from != null) {
            sql.append(" AND o.created_at >= :from");
            params.put("from", SqlTime.of(from));
        }
        if (to != null) {
            sql.append(" AND o.created_at <= :to");
            params.put("to", SqlTime.of(to));
        }
        List<String> tagValues = (tags == null ? SubIds.NONE : tags).values();
        for (int i = 0; i < TAG_COLUMNS.size(); i++) {
            if (!tagValues.get(i).isEmpty()) {
                sql.append(" AND o.").append(TAG_COLUMNS.get(i)).append(" = :tag").append(i);
                params.put("tag" + i, tagValues.get(i));
            }
        }
        sql.append(" ORDER BY o.created_at DESC, o.id DESC");
        if (limit != null) {
            sql.append(" FETCH FIRST :limit ROWS ONLY");
            params.put("limit", limit);
        }
        jdbc.sql(sql.toString()).withFetchSize(FETCH_SIZE).params(params).query(rs -> {
            each.accept(partnerOrder(rs));
        });
    }

    private static PartnerOrder partnerOrder(ResultSet rs) throws SQLException {
        return new PartnerOrder(rs.getLong("id"), SqlTime.instant(rs, "created_at"),
                Decimals.normalized(rs.getBigDecimal("rate_in")), Decimals.normalized(rs.getBigDecimal("rate_out")),
                Decimals.normalized(rs.getBigDecimal("amount_give")), Decimals.normalized(rs.getBigDecimal("amount_get")),
                "success".equals(rs.getString("status")), rs.getBigDecimal("standing").signum() > 0,
                Decimals.normalized(rs.getBigDecimal("partner_reward")), rs.getString("user_hash"),
                rs.getString("from_code"), rs.getString("to_code"), new SubIds(rs.getString("sub1"),
                rs.getString("sub2"), rs.getString("sub3"), rs.getString("sub4"), rs.getString("sub5"),
                rs.getString("sub_click_id")));
    }
}
