package app.ratelink.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.system.NotFoundException;

/**
 * Orders as the rest of the product sees them: look-ups, filtered lists, a bounded-memory stream per
 * partner (partner API, CSV exports), and the one way to change a status. Status changes follow
 * {@link OrderStatus}'s graph, are applied with a compare-and-set on the current status (so two nodes,
 * or the expiry job and a client, never both apply a move), are appended to the history and announced
 * with {@link OrderStatusChanged} inside the same transaction.
 */
@Service
public class Orders {

    /** Attempts when the status changed under us between reading and the guarded update. */
    private static final int MAX_ATTEMPTS = 3;
    static final int ACTOR_LENGTH = 100;
    public static final String SYSTEM_ACTOR = "system";
    public static final String CLIENT_ACTOR = "client";
    public static final String EXPIRED_COMMENT = "expired";
    static final int COMMENT_LENGTH = 1000;

    private final OrderRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Orders(OrderRepository repository, Clock clock, ApplicationEventPublisher events,
           TransactionTemplate transactions) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(long id) {
        return repository.byId(id);
    }

    @Transactional(readOnly = true)
    public Optional<Order> byPublicId(String publicId) {
        if (publicId == null || publicId.isEmpty() || publicId.length() > 32) {
            return Optional.empty();
        }
        return repository.byPublicId(publicId);
    }

    @Transactional(readOnly = true)
    public List<OrderStatusEntry> history(long orderId) {
        return repository.history(orderId);
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Order> list(OrderQuery query) {
        return repository.find(query);
    }

    @Transactional(readOnly = true)
    public long count(OrderQuery query) {
        return repository.count(query);
    }

    /**
     * Every order of a partner created in [from, to] (inclusive; null = open), newest first, at most
     * {@code limit} (null = all), handed over one at a time so that a whole range never sits in memory.
     */
    @Transactional(readOnly = true)
    public void eachOfPartner(long partnerId, Instant from, Instant to, Integer limit, Consumer<Order> each) {
        repository.eachOfPartner(partnerId, from, to, limit, each);
    }

    /**
     * Every order the query selects (limit and offset ignored), newest first, handed over one at a time:
     * an export of a million orders never sits in memory.
     */
    @Transactional(readOnly = true)
    public void eachMatching(OrderQuery query, Consumer<Order> each) {
        repository.eachMatching(query, each);
    }

    /** Referred orders created since {@code since}, per partner id. */
    @Transactional(readOnly = true)
    public Map<Long, Long> countByPartnerSince(Instant since) {
        return repository.countByPartnerSince(since);
    }

    /** How many orders created in [from, to) a partner referred. */
    @Transactional(readOnly = true)
    public long countReferred(Instant from, Instant to) {
        return repository.countReferred(from, to);
    }

    /** Orders now in {@code status}, however old. */
    @Transactional(readOnly = true)
    public long countWithStatus(OrderStatus status) {
        return repository.countWithStatus(status);
    }

    /** Orders created in [from, to), by status (every status present, zero when none). */
    @Transactional(readOnly = true)
    public Map<OrderStatus, Long> countByStatusBetween(Instant from, Instant to) {
        return repository.countByStatusBetween(from, to);
    }

    /** Successful orders created in [from, to), summed per direction (amounts in their own currencies). */
    @Transactional(readOnly = true)
    public List<DirectionSum> successfulByDirection(Instant from, Instant to) {
        return repository.successfulByDirection(from, to);
    }

    /** Orders created since {@code since}, by status (every status present, zero when none). */
    @Transactional(readOnly = true)
    public Map<OrderStatus, Long> countByStatusSince(Instant since) {
        return repository.countByStatusSince(since);
    }

    /** Stores the partner reward computed for an order (the rewards feature calls this on creation). */
    @Transactional
    public void recordPartnerReward(long orderId, BigDecimal reward) {
        repository.setPartnerReward(orderId, reward);
    }

    /**
     * Moves an order to {@code next}. Setting the status it already has is a no-op (not an error), so a
     * repeated "success" is harmless. A move the graph forbids throws {@link IllegalStatusChangeException}
     * and changes nothing.
     */
    @Transactional
    public StatusChange changeStatus(long orderId, OrderStatus next, String actor, String comment) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Order order = repository.byId(orderId).orElseThrow(() -> new NotFoundException("No order " + orderId));
            if (order.status() == next) {
                return new StatusChange(order, false);
            }
            if (!order.status().canMoveTo(next)) {
                throw new IllegalStatusChangeException(orderId, order.status(), next);
            }
            if (move(order, next, actor, comment)) {
                return new StatusChange(repository.byId(orderId).orElseThrow(), true);
            }
        }
        throw new ConcurrentStatusChangeException(orderId);
    }

    /**
     * Applies {@code next} only if the order is still in {@code expected}: for moves that are right only
     * from one status (expiry cancels an unpaid order, never a paid one). False when the order moved on.
     */
    @Transactional
    public boolean changeStatusIf(long orderId, OrderStatus expected, OrderStatus next, String actor, String comment) {
        Optional<Order> order = repository.byId(orderId);
        if (order.isEmpty() || order.get().status() != expected || !expected.canMoveTo(next)) {
            return false;
        }
        return move(order.get(), next, actor, comment);
    }

    /** What happened when the client pressed "I have paid". */
    public enum ClientPaid { MARKED, ALREADY_PAID, EXPIRED, CLOSED }

    /**
     * The client says the payment was sent: {@code new → paid}. An order whose payment window has ended
     * is expired right here (the job may not have run yet) instead of being marked paid.
     */
    @Transactional
    public ClientPaid markPaidByClient(String publicId) {
        Order order = byPublicId(publicId).orElseThrow(() -> new NotFoundException("No order " + publicId));
        if (order.isOverdue(clock.instant())) {
            changeStatusIf(order.id(), OrderStatus.NEW, OrderStatus.CANCELLED, SYSTEM_ACTOR, EXPIRED_COMMENT);
            return ClientPaid.EXPIRED;
        }
        if (order.status() == OrderStatus.NEW
                && changeStatusIf(order.id(), OrderStatus.NEW, OrderStatus.PAID, CLIENT_ACTOR, "client marked the order paid")) {
            return ClientPaid.MARKED;
        }
        OrderStatus now = repository.byId(order.id()).orElseThrow().status();
        return now == OrderStatus.PAID ? ClientPaid.ALREADY_PAID : ClientPaid.CLOSED;
    }

    /**
     * Cancels unpaid orders whose payment window ended at or before {@code now}, at most {@code batch} of
     * them; an order paid meanwhile is left alone. Returns how many were cancelled.
     */
    public int expireOverdue(Instant now, int batch) {
        int expired = 0;
        for (long id : repository.overdue(now, batch)) {
            // One transaction per order: one failure (or a lost race) does not undo the others.
            Boolean done = transactions.execute(status ->
                    changeStatusIf(id, OrderStatus.NEW, OrderStatus.CANCELLED, SYSTEM_ACTOR, EXPIRED_COMMENT));
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean move(Order order, OrderStatus next, String actor, String comment) {
        Instant now = clock.instant();
        if (!repository.moveStatus(order.id(), order.status(), next, now)) {
            return false;
        }
        String who = crop(actor == null || actor.isBlank() ? "unknown" : actor.trim(), ACTOR_LENGTH);
        repository.appendHistory(order.id(), order.status(), next, who, crop(comment == null ? "" : comment.trim(),
                COMMENT_LENGTH), now);
        events.publishEvent(new OrderStatusChanged(order.id(), order.status(), next, who, now));
        return true;
    }

    static String crop(String value, int length) {
        if (value == null) {
            return null;
        }
        return value.length() <= length ? value : value.substring(0, length);
    }
}
