package app.ratelink.postback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.order.SubIds;
import app.ratelink.referral.Clicks;

/**
 * The {@code click} event, announced from the click table instead of from the click path: the partner
 * link's group commit (ADR 0003) gets no extra work, and a click is announced only once it is durable.
 * Every few seconds each endpoint that wants clicks has its cursor (time, id of the last click announced)
 * moved over the partner's counted clicks older than {@code lag} (a click is committed within the click
 * writer's ten seconds, so none is passed over uncommitted), with the outbox rows in the same transaction as
 * the cursor: nothing announced twice by this, nothing lost. The endpoint row is locked with SKIP LOCKED, so
 * one node at a time moves a cursor.
 */
@Component
class ClickAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickAnnouncer.class);
    static final int BATCH = 500;

    private final PostbackRepository repository;
    private final Postbacks postbacks;
    private final Clicks clicks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration every;
    private final Duration lag;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    ClickAnnouncer(PostbackRepository repository, Postbacks postbacks, Clicks clicks, TransactionTemplate transactions,
                   Clock clock, @Value("${ratelink.postbacks.click-scan:PT10S}") Duration every,
                   @Value("${ratelink.postbacks.click-lag:PT30S}") Duration lag,
                   @Value("${ratelink.postbacks.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.postbacks = postbacks;
        this.clicks = clicks;
        this.transactions = transactions;
        this.clock = clock;
        this.every = every;
        this.lag = lag;
        this.enabled = enabled;
    }

    /** One pass over every endpoint that wants clicks; returns how many clicks were announced. */
    int announce() {
        int announced = 0;
        for (long endpointId : repository.clickEndpoints()) {
            Integer n = transactions.execute(tx -> announce(endpointId));
            announced += n == null ? 0 : n;
        }
        return announced;
    }

    private int announce(long endpointId) {
        Optional<PostbackRepository.ClickCursor> cursor = repository.lockClickCursor(endpointId);
        if (cursor.isEmpty()) {
            return 0;
        }
        PostbackRepository.ClickCursor c = cursor.get();
        Instant upTo = clock.instant().minus(lag);
        List<Clicks.TaggedClick> batch = clicks.countedAfter(c.partnerId(), c.time(), c.clickId(), upTo, BATCH);
        for (Clicks.TaggedClick click : batch) {
            Map<String, String> values = new HashMap<>();
            SubIds tags = click.subIds();
            for (String name : SubIds.NAMES) {
                values.put(name, tags.get(name));
            }
            postbacks.announceTo(endpointId, PostbackEvent.CLICK, click.time(), values);
        }
        if (!batch.isEmpty()) {
            Clicks.TaggedClick last = batch.get(batch.size() - 1);
            repository.moveClickCursor(endpointId, last.time(), last.id());
        }
        return batch.size();
    }

    private void run() {
        while (running) {
            try {
                announce();
            } catch (RuntimeException e) {
                log.warn("Click announcer: {}", e.toString());
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "postback-clicks");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
