package app.ratelink.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionKey;
import app.ratelink.catalog.MarketRates;
import app.ratelink.catalog.RateChange;
import app.ratelink.money.Decimals;
import app.ratelink.system.OperatorMail;

/**
 * Polls the rate sources and applies their formulas to the catalogue. Exactly one node polls: each tick it
 * takes or renews a lease row (expiring after the shortest source interval, at least 2 s, at most 60 s), so
 * when that node dies another takes over within two intervals. A tick polls the sources that are due (all at
 * once, each with its timeout), passes every value through the jump guard, evaluates every formula and
 * applies the outcome with one {@link Catalog#applyMarketRates} call: one transaction and one feed rebuild per
 * poll; other nodes serve it within half a second through the catalogue revision. Runs on its own thread, so
 * a slow source never delays the feeds' own refresh.
 */
@Component
public class RatePoller {

    private static final Logger log = LoggerFactory.getLogger(RatePoller.class);
    private static final Duration MIN_LEASE = Duration.ofSeconds(2);
    private static final Duration MAX_LEASE = Duration.ofSeconds(60);
    private static final Duration IDLE_LEASE = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final RateSourceRepository repository;
    private final RateHistory history;
    private final Formulas formulas;
    private final SourceFetcher fetcher;
    private final LatestAnswers latest;
    private final Catalog catalog;
    private final OperatorMail operatorMail;
    private final MessageSource messages;
    private final Clock clock;
    private final long tickMillis;
    private final String node = UUID.randomUUID().toString();

    private ScheduledExecutorService executor;
    private boolean holding;
    private boolean recompute = true;
    private Set<String> lastStale;
    private Instant lastPrune = Instant.EPOCH;

    RatePoller(RateSourceRepository repository, RateHistory history, Formulas formulas, SourceFetcher fetcher,
               LatestAnswers latest, Catalog catalog, OperatorMail operatorMail, MessageSource messages, Clock clock,
               @Value("${ratelink.rates.tick-millis:250}") long tickMillis) {
        this.repository = repository;
        this.history = history;
        this.formulas = formulas;
        this.fetcher = fetcher;
        this.latest = latest;
        this.catalog = catalog;
        this.operatorMail = operatorMail;
        this.messages = messages;
        this.clock = clock;
        this.tickMillis = tickMillis;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rate-poller");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }

    /** This node's name in the lease. */
    public String node() {
        return node;
    }

    /** Whether this node holds the lease now. */
    public boolean polling() {
        RateSourceRepository.Lease lease = repository.lease();
        return lease.holder().equals(node) && lease.expiresAt().isAfter(clock.instant());
    }

    /** The node that polls and until when its lease runs unless renewed. */
    public Map<String, Object> lease() {
        RateSourceRepository.Lease lease = repository.lease();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", lease.holder());
        m.put("expiresAt", lease.expiresAt());
        m.put("thisNode", node);
        return m;
    }

    /** The formulas are evaluated again at the next tick (a source or a held value changed). */
    void recomputeSoon() {
        synchronized (this) {
            recompute = true;
        }
    }

    private void tick() {
        try {
            cycle(Set.of());
        } catch (RuntimeException e) {
            // The database may be briefly away: the next tick tries again; the catalogue keeps its rates.
            log.warn("Rate poll failed: {}", e.toString());
        }
    }

    /** Polls the given sources now, due or not, when this node holds (or can take) the lease. */
    public void pollNow(Set<String> codes) {
        cycle(codes);
    }

    synchronized void cycle(Set<String> force) {
        Instant now = clock.instant();
        List<RateSource> sources = repository.sources();
        if (!lease(now, sources)) {
            holding = false;
            lastStale = null;
            return;
        }
        if (!holding) {
            holding = true;
            recompute = true;
        }
        List<RateSource> due = sources.stream().filter(s -> force.contains(s.code()) || s.due(now)).toList();
        boolean polled = false;
        if (!due.isEmpty()) {
            poll(due, referenced(catalog.directions()));
            polled = true;
            sources = repository.sources();
            if (!lease(clock.instant(), sources)) {
                return; // lost it while waiting for slow sources: the new holder applies
            }
        }
        Instant after = clock.instant();
        Set<String> stale = new HashSet<>();
        for (RateSource s : sources) {
            if (s.stale(after)) {
                stale.add(s.code());
            }
        }
        if (polled || recompute || !stale.equals(lastStale)) {
            recompute = false;
            apply(catalog.directions(), sources, stale, after);
        }
        staleTransitions(sources, stale, after);
        lastStale = stale;
        if (Duration.between(lastPrune, after).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = after;
            history.prune(after);
        }
    }

    private boolean lease(Instant now, List<RateSource> sources) {
        Duration ttl = sources.stream().map(s -> Duration.ofSeconds(s.intervalSeconds())).min(Duration::compareTo)
                .orElse(IDLE_LEASE);
        ttl = ttl.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : ttl.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : ttl;
        RateSourceRepository.Lease lease = repository.lease();
        boolean mine = lease.holder().equals(node);
        if (mine && lease.expiresAt().minus(ttl.dividedBy(2)).isAfter(now)) {
            return true;
        }
        if (mine || lease.expiresAt().isBefore(now)) {
            boolean taken = repository.takeLease(node, now, now.plus(ttl));
            if (taken && !mine) {
                log.info("Rate poller lease taken by node {}", node);
            }
            return taken;
        }
        return false;
    }

    /** The source values the formulas name: only these go through the jump guard and into the history. */
    private Set<SourceRef> referenced(List<Direction> directions) {
        Set<SourceRef> refs = new HashSet<>();
        for (Direction d : directions) {
            if (d.rateFormula() != null) {
                addRefs(d.rateFormula(), refs);
            }
        }
        for (String f : catalog.reserveFormulas().values()) {
            addRefs(f, refs);
        }
        return refs;
    }

    private void addRefs(String text, Set<SourceRef> refs) {
        try {
            refs.addAll(formulas.parse(text).references());
        } catch (FormulaException e) {
            // Saved before a rule changed: it evaluates to nothing and its direction stays out.
        }
    }

    private void poll(List<RateSource> due, Set<SourceRef> referenced) {
        Map<RateSource, CompletableFuture<byte[]>> answers = new LinkedHashMap<>();
        Instant started = clock.instant();
        for (RateSource s : due) {
            answers.put(s, fetcher.fetch(s));
        }
        List<String> heldMails = new ArrayList<>();
        for (Map.Entry<RateSource, CompletableFuture<byte[]>> e : answers.entrySet()) {
            RateSource s = e.getKey();
            Instant now;
            try {
                byte[] body = e.getValue().get(s.timeoutSeconds() + 1L, TimeUnit.SECONDS);
                Map<String, BigDecimal> values = SourceFormats.parse(s.type(), body, s.jsonPath());
                now = clock.instant();
                accept(s, values, referenced, now, heldMails);
                repository.polledWell(s.code(), LastValues.encode(values).orElse(null), started, now);
            } catch (ExecutionException x) {
                repository.polledBadly(s.code(), x.getCause() == null ? x.toString() : x.getCause().getMessage(), started,
                        clock.instant());
            } catch (TimeoutException x) {
                e.getValue().cancel(true);
                repository.polledBadly(s.code(), "no answer within " + s.timeoutSeconds() + " s", started, clock.instant());
            } catch (IllegalArgumentException x) {
                repository.polledBadly(s.code(), "unreadable answer: " + x.getMessage(), started, clock.instant());
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!heldMails.isEmpty()) {
            mail("rates.mail.held.subject", "rates.mail.held.text", String.join("\n", heldMails));
        }
    }

    private void accept(RateSource s, Map<String, BigDecimal> values, Set<SourceRef> referenced, Instant now,
                        List<String> heldMails) {
        Map<String, SourceValue> before = repository.values(s.code());
        // A value named since the last poll has no accepted row yet: the last answer is its base for the guard.
        Map<String, BigDecimal> previous = latest.of(s);
        for (SourceRef ref : referenced) {
            if (!ref.source().equals(s.code())) {
                continue;
            }
            BigDecimal v = values.get(ref.key());
            SourceValue b = before.get(ref.key());
            if (v == null) {
                if (b != null) {
                    repository.deleteValue(s.code(), ref.key()); // the source no longer has it: its directions go out
                }
                continue;
            }
            boolean exists = b != null;
            if (b == null && previous.get(ref.key()) != null) {
                b = new SourceValue(s.code(), ref.key(), previous.get(ref.key()), s.lastSuccessAt(), null, 0, null);
            }
            SourceValue next = b == null ? new SourceValue(s.code(), ref.key(), v, now, null, 0, null)
                    : b.next(v, s.maxJumpPercent(), now);
            if (!exists || !next.equals(b)) {
                repository.saveValue(next, exists);
            }
            if (next.startedHolding(b)) {
                heldMails.add(ref + ": " + Decimals.plain(b.value()) + " -> " + Decimals.plain(v));
                log.warn("Rate jump held: {} {} -> {}", ref, Decimals.plain(b.value()), Decimals.plain(v));
            }
            history.sourceValue(s.code(), ref.key(), next.value(), now);
        }
    }

    private void apply(List<Direction> directions, List<RateSource> sources, Set<String> stale, Instant now) {
        Map<SourceRef, BigDecimal> values = new HashMap<>();
        repository.allValues().forEach((ref, v) -> values.put(ref, v.value()));
        Map<String, String> reserveFormulas = catalog.reserveFormulas();
        // A value named by a formula saved since that source's last poll: its last answer stands until then.
        Set<SourceRef> missing = referenced(directions);
        missing.removeAll(values.keySet());
        for (SourceRef ref : missing) {
            sources.stream().filter(s -> s.code().equals(ref.source())).findFirst()
                    .map(latest::of).map(m -> m.get(ref.key())).ifPresent(v -> values.put(ref, v));
        }
        MarketRates market = formulas.market(directions, reserveFormulas, values, stale);
        catalog.applyMarketRates(market);
        for (RateChange r : market.rates()) {
            history.directionPrice(new DirectionKey(r.from(), r.to()), r.out().divide(r.in(), Formula.MATH), now);
        }
    }

    private void staleTransitions(List<RateSource> sources, Set<String> stale, Instant now) {
        List<String> wentStale = new ArrayList<>();
        List<String> back = new ArrayList<>();
        for (RateSource s : sources) {
            boolean isStale = stale.contains(s.code());
            if (isStale && s.staleSince() == null) {
                repository.staleSince(s.code(), now);
                wentStale.add(s.code() + (s.lastError() == null ? "" : " (" + s.lastError() + ")"));
            } else if (!isStale && s.staleSince() != null) {
                repository.staleSince(s.code(), null);
                back.add(s.code());
            }
        }
        if (!wentStale.isEmpty()) {
            log.warn("Rate sources stale, their directions are out of the feeds: {}", wentStale);
            mail("rates.mail.stale.subject", "rates.mail.stale.text", String.join("\n", wentStale));
        }
        if (!back.isEmpty()) {
            mail("rates.mail.fresh.subject", "rates.mail.fresh.text", String.join("\n", back));
        }
    }

    private void mail(String subject, String text, String detail) {
        try {
            Locale locale = operatorMail.locale();
            operatorMail.send(messages.getMessage(subject, null, locale),
                    messages.getMessage(text, new Object[] {detail}, locale));
        } catch (RuntimeException e) {
            log.warn("Operator mail about rates not sent: {}", e.toString());
        }
    }
}
