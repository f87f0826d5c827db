package app.ratelink.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.ratelink.system.DatabaseStatus;

/**
 * Group commit of clicks. A click must be durable before its redirect is answered, but one commit (one
 * fsync) per click would cap throughput at the disk's sync rate. So request threads hand their click to
 * one writer thread; the writer takes everything that queued up while the previous commit was running and
 * stores it in a single transaction, then completes each click's stage (the partner link's request waits
 * for it asynchronously, holding no thread). Under load batches grow by themselves; when idle, a click is
 * committed at once.
 */
@Component
class ClickWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);
    private static final int MAX_BATCH = 1000;
    private static final long WAIT_SECONDS = 10;

    private record Pending(NewClick click, CompletableFuture<Long> id) {
    }

    private final ClickStore store;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
    private volatile boolean running;
    private Thread thread;

    private final DatabaseStatus database;

    ClickWriter(DataSource dataSource, DatabaseStatus database) {
        this.store = new ClickStore(dataSource);
        this.database = database;
    }

    /**
     * Queues the click; the stage completes with its id once committed, or exceptionally with {@link
     * ClickNotStoredException} (or the cause). It completes on the writer thread, so what depends on it
     * must be short: the partner link answers its request there (asynchronous servlet request), rather
     * than parking a request thread per click and unparking it (ADR 0003, 2026-12-01 evening).
     */
    CompletableFuture<Long> submit(NewClick click) {
        if (!running) {
            return CompletableFuture.failedFuture(new ClickNotStoredException("click writer is stopped", null));
        }
        if (database.down()) {
            // Known to be away: the redirect is not held up waiting for a connection that will not come.
            return CompletableFuture.failedFuture(new ClickNotStoredException("database unreachable", null));
        }
        Pending p = new Pending(click, new CompletableFuture<>());
        try {
            if (!queue.offer(p, WAIT_SECONDS, TimeUnit.SECONDS)) {
                return CompletableFuture.failedFuture(new ClickNotStoredException("click queue full", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ClickNotStoredException("interrupted", e));
        }
        return p.id;
    }

    /** How long a click may wait for its commit before the visitor is redirected without it. */
    static long waitMillis() {
        return TimeUnit.SECONDS.toMillis(WAIT_SECONDS);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                // Never let the one writer die: fail this batch's requests and go on.
                log.error("Click writer failed a batch", e);
                batch.forEach(p -> p.id.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Pending> batch) {
        try {
            long start = System.nanoTime();
            complete(batch, store.write(batch.stream().map(Pending::click).toList()));
            if (log.isDebugEnabled()) {
                log.debug("Stored a batch of {} clicks in {} µs", batch.size(), (System.nanoTime() - start) / 1000);
            }
        } catch (Exception e) {
            if (database.failed(e)) {
                // No connection: trying each click alone would wait for a connection once per click.
                batch.forEach(p -> p.id.completeExceptionally(e));
                return;
            }
            if (batch.size() == 1) {
                log.warn("Click not stored: {}", e.toString());
                batch.get(0).id.completeExceptionally(e);
                return;
            }
            // One bad row must not cost the other clicks of its batch: retry them one by one.
            log.warn("Click batch of {} failed ({}); storing one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                try {
                    complete(List.of(p), store.write(List.of(p.click)));
                } catch (Exception single) {
                    log.warn("Click not stored: {}", single.toString());
                    p.id.completeExceptionally(single);
                }
            }
        }
    }

    private static void complete(List<Pending> batch, long[] ids) {
        for (int i = 0; i < ids.length; i++) {
            batch.get(i).id.complete(ids[i]);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "click-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Drains what is queued before the database goes away. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
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

    /** Stops after the web server has finished its requests (lower phases stop later). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
