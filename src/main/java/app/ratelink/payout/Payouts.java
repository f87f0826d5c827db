package app.ratelink.payout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Reserves;
import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.reward.Ledger;
import app.ratelink.system.ConflictException;
import app.ratelink.system.NotFoundException;
import app.ratelink.system.Setting;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;
import app.ratelink.system.Refusal;

/**
 * Payouts of partner rewards (SPEC §4). A request withdraws the whole balance at once: the amount is
 * held in the ledger in the same transaction that records the request, under a lock on the partner's
 * row, so two requests can never both take the same money. Rejected and cancelled requests release it.
 */
@Service
public class Payouts {

    static final int FETCH_SIZE = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Catalog catalog;
    private final Settings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final PayoutMail mail;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Reserves reserves;

    Payouts(JdbcClient jdbc, Ledger ledger, Catalog catalog, Settings settings, Clock clock,
            TransactionTemplate transactions, PayoutMail mail, ApplicationEventPublisher events, AuditTrail audit,
            Reserves reserves) {
        this.audit = audit;
        this.events = events;
        this.reserves = reserves;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
        this.mail = mail;
    }

    public Money balance(long partnerId) {
        return ledger.balance(partnerId);
    }

    /** Sum of paid payouts, base currency. */
    public Money totalReceived(long partnerId) {
        return sumOf(partnerId, PayoutStatus.PAID);
    }

    /** Sum of pending payouts, base currency. */
    public Money pending(long partnerId) {
        return sumOf(partnerId, PayoutStatus.PENDING);
    }

    public Money minPayout() {
        return BaseCurrency.of(Decimals.normalized(settings.decimal(Setting.MIN_PAYOUT)));
    }

    /** Active currencies with payout allowed, by name. */
    public List<PayoutMethod> methods() {
        return catalog.currencies().stream().filter(c -> c.active() && c.payoutAllowed())
                .sorted(Comparator.comparing(Currency::name))
                .map(c -> new PayoutMethod(c.id(), c.name(), c.code(), Decimals.normalized(c.payoutFeePercent())))
                .toList();
    }

    /**
     * A base-currency amount in the method's currency after its fee, rounded down to that currency's scale
     * (the exchanger never pays more than the balance it withdraws).
     */
    public Money amountIn(PayoutMethod method, Money base) {
        BaseCurrency.requireBase(base);
        Optional<Currency> currency = catalog.currency(method.currencyCode());
        if (currency.isEmpty() || currency.get().usdRate().signum() <= 0 || !base.isPositive()) {
            return Money.zero(method.currencyCode());
        }
        Money afterFee = base.percent(HUNDRED.subtract(method.feePercent()));
        BigDecimal perBase = BigDecimal.ONE.divide(currency.get().usdRate(), MathContext.DECIMAL128);
        return afterFee.convert(perBase, method.currencyCode()).down(currency.get().scale()).normalized();
    }

    /**
     * Requests a payout of the whole balance to {@code account} by method {@code methodId}. Refused, with
     * nothing changed, for a method that does not pay out, an account the currency does not accept, or a
     * balance below the minimum payout.
     */
    @Transactional
    public long request(long partnerId, long methodId, String account) {
        PayoutMethod method = methods().stream().filter(m -> m.id() == methodId).findFirst()
                .orElseThrow(() -> new PayoutRefused(PayoutRefused.Reason.METHOD_NOT_ALLOWED));
        Currency currency = catalog.currency(method.currencyCode())
                .orElseThrow(() -> new PayoutRefused(PayoutRefused.Reason.METHOD_NOT_ALLOWED));
        if (!currency.acceptsAccount(account)) {
            throw new PayoutRefused(PayoutRefused.Reason.INVALID_ACCOUNT);
        }
        // Serializes this partner's requests (and holds) on every node: the balance read below stays true.
        jdbc.sql("SELECT id FROM partners WHERE id = :id FOR UPDATE").param("id", partnerId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No partner " + partnerId));
        Money balance = ledger.balance(partnerId);
        if (balance.isNegative()) {
            // A refund after a paid payout took back more than was left (SPEC §4): nothing is paid until earned back.
            throw new PayoutRefused(PayoutRefused.Reason.NEGATIVE_BALANCE);
        }
        if (balance.isZero() || balance.isLessThan(minPayout())) {
            throw new PayoutRefused(PayoutRefused.Reason.NOT_ENOUGH_MONEY);
        }
        Money pay = amountIn(method, balance);
        GeneratedKeyHolder ids = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payouts (partner_id, method_id, currency_code, account, original_amount, fee_percent,
                                     pay_amount, status, created_at)
                VALUES (:partner, :method, :currency, :account, :original, :fee, :pay, 0, :at)""")
                .param("partner", partnerId).param("method", method.id()).param("currency", method.currencyCode())
                .param("account", account.trim()).param("original", balance.amount()).param("fee", method.feePercent())
                .param("pay", pay.amount()).param("at", SqlTime.of(clock.instant())).update(ids, "id");
        long id = ids.getKeyAs(Number.class).longValue();
        ledger.book(partnerId, Ledger.Kind.HOLD, balance.negate(), null, id, "hold:" + id);
        mail.requested(id, partnerId, method, account.trim(), balance, pay);
        return id;
    }

    /** The operator paid it. Only a pending payout can be paid; anything else is a conflict. */
    public Payout pay(long id, String actor, String comment) {
        Payout payout = decide(id, PayoutStatus.PAID, actor, comment, null);
        mail.decided(payout);
        return payout;
    }

    /** The operator refused it: the money returns to the balance. */
    public Payout reject(long id, String actor, String comment) {
        Payout payout = decide(id, PayoutStatus.REJECTED, actor, comment, null);
        mail.decided(payout);
        return payout;
    }

    /** The partner withdrew its own pending request; false when it is not this partner's or not pending. */
    public boolean cancel(long partnerId, long id) {
        try {
            decide(id, PayoutStatus.CANCELLED, "partner", "", partnerId);
            return true;
        } catch (NotFoundException | ConflictException e) {
            return false;
        }
    }

    private Payout decide(long id, PayoutStatus next, String actor, String comment, Long owner) {
        return transactions.execute(tx -> {
            Payout payout = byId(id).filter(p -> owner == null || p.partnerId() == owner)
                    .orElseThrow(() -> new NotFoundException("No payout " + id));
            int changed = jdbc.sql("""
                    UPDATE payouts SET status = :next, comment = :comment, decided_by = :actor, decided_at = :at
                    WHERE id = :id AND status = 0""")
                    .param("next", next.code()).param("comment", crop(comment, 1000)).param("actor", crop(actor, 100))
                    .param("at", SqlTime.of(clock.instant())).param("id", id).update();
            if (changed != 1) {
                PayoutStatus now = byId(id).map(Payout::status).orElse(payout.status());
                throw new ConflictException(Refusal.of("refusal.payout.notPending",
                        "Payout " + id + " is " + now.label() + ", not pending", String.valueOf(id),
                        Refusal.of("dashboard.money.payout.status." + now.code(), now.label())));
            }
            if (next != PayoutStatus.PAID) {
                ledger.book(payout.partnerId(), Ledger.Kind.RELEASE, payout.originalAmount(), null, id, "release:" + id);
            } else {
                // The money left the exchanger's account of that currency: the reserve shows it.
                reserves.spend(payout.currencyCode(), payout.payAmount().amount());
            }
            Payout decided = byId(id).orElseThrow();
            if (owner == null) {
                audit.record(next == PayoutStatus.PAID ? "payout.pay" : "payout.reject", "payout " + id,
                        java.util.Map.of("status", payout.status().label()),
                        java.util.Map.of("status", decided.status().label(), "comment", comment == null ? "" : comment));
            }
            events.publishEvent(new PayoutDecided(id, payout.partnerId(), next));
            return decided;
        });
    }

    /** Paid payouts per partner (base currency), for these partners. */
    public Map<Long, Money> paid(Collection<Long> partnerIds) {
        Map<Long, Money> result = new HashMap<>();
        List<Long> ids = List.copyOf(partnerIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("SELECT partner_id, SUM(original_amount) AS paid FROM payouts WHERE status = :s"
                            + " AND partner_id IN (:ids) GROUP BY partner_id")
                    .param("s", PayoutStatus.PAID.code()).param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        result.put(rs.getLong("partner_id"), base(rs.getBigDecimal("paid")));
                    });
        }
        return result;
    }

    /** Payouts waiting for the operator: how many and their sum (base currency), through the status index. */
    public record Pending(long count, Money sum) {
    }

    public Pending pendingTotals() {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(original_amount), 0) AS total FROM payouts WHERE status = :s")
                .param("s", PayoutStatus.PENDING.code())
                .query((rs, n) -> new Pending(rs.getLong("n"), base(rs.getBigDecimal("total")))).single();
    }

    public Optional<Payout> byId(long id) {
        return jdbc.sql("SELECT * FROM payouts WHERE id = :id").param("id", id).query(Payouts::payout).optional();
    }

    /** Newest first, optionally of one status, at most {@code limit}. */
    public List<Payout> list(PayoutStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        var spec = jdbc.sql("SELECT * FROM payouts" + where + " ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit);
        if (status != null) {
            spec = spec.param("status", status.code());
        }
        return spec.query(Payouts::payout).list();
    }

    /** The partner's latest payouts with the operator's decision, newest first, at most {@code limit}. */
    public List<Payout> ofPartner(long partnerId, int limit) {
        return jdbc.sql("SELECT * FROM payouts WHERE partner_id = :p ORDER BY created_at DESC, id DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("p", partnerId).param("limit", Math.max(1, limit)).query(Payouts::payout).list();
    }

    /** The partner's payouts created in [from, to] (inclusive, null = open), newest first, streamed. */
    @Transactional(readOnly = true)
    public void eachOfPartner(long partnerId, Instant from, Instant to, Integer limit, Consumer<PartnerPayout> each) {
        if (limit != null && limit <= 0) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("p", partnerId);
        StringBuilder sql = new StringBuilder("SELECT * FROM payouts WHERE partner_id = :p");
        if (from != null) {
            sql.append(" AND created_at >= :from");
            params.put("from", SqlTime.of(from));
        }
        if (to != null) {
            sql.append(" AND created_at <= :to");
            params.put("to", SqlTime.of(to));
        }
        sql.append(" ORDER BY created_at DESC, id DESC");
        if (limit != null) {
            sql.append(" FETCH FIRST :limit ROWS ONLY");
            params.put("limit", limit);
        }
        jdbc.sql(sql.toString()).withFetchSize(FETCH_SIZE).params(params)
                .query(rs -> {
                    each.accept(payout(rs, 0).forPartner());
                });
    }

    private Money sumOf(long partnerId, PayoutStatus status) {
        return base(jdbc.sql(
                        "SELECT COALESCE(SUM(original_amount), 0) FROM payouts WHERE partner_id = :p AND status = :s")
                .param("p", partnerId).param("s", status.code()).query(BigDecimal.class).single());
    }

    private static String crop(String text, int max) {
        String t = text == null ? "" : text.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static Money base(BigDecimal stored) {
        return BaseCurrency.of(Decimals.normalized(stored));
    }

    static Payout payout(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency_code");
        return new Payout(rs.getLong("id"), rs.getLong("partner_id"), rs.getLong("method_id"),
                currency, rs.getString("account"),
                base(rs.getBigDecimal("original_amount")), Decimals.normalized(rs.getBigDecimal("fee_percent")),
                Money.of(Decimals.normalized(rs.getBigDecimal("pay_amount")), currency), PayoutStatus.of(rs.getInt("status")),
                rs.getString("comment"), rs.getString("decided_by"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "decided_at"));
    }
}
