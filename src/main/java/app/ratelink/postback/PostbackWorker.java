package app.ratelink.postback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.system.Mailer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox. Each worker thread takes the oldest due delivery with {@code FOR UPDATE SKIP
 * LOCKED}, sends it and records the attempt in that same transaction, so a delivery is in the hands of one
 * worker on one node at a time, and a node that dies mid-delivery (its lock goes with its connection)
 * leaves the row pending for the next worker: at least once, never lost. A failure is retried on the
 * {@link RetrySchedule}; an endpoint failing for days is paused and its partner mailed. Threads sleep
 * until woken by a commit that wrote deliveries, or the poll interval passes (retries, other nodes).
 */
@Component
class PostbackWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostbackWorker.class);
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    private final PostbackRepository repository;
    private final PostbackSender sender;
    private final RetrySchedule schedule;
    private final TransactionTemplate transactions;
    private final Partners partners;
    private final Mailer mailer;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration poll;
    private final int threadCount;
    private final boolean enabled;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private boolean woken;

    PostbackWorker(PostbackRepository repository, PostbackSender sender, RetrySchedule schedule,
                   TransactionTemplate transactions, Partners partners, Mailer mailer, MessageSource messages,
                   JsonMapper json, Clock clock,
                   @Value("${ratelink.postbacks.poll:PT1S}") Duration poll,
                   @Value("${ratelink.postbacks.workers:2}") int threadCount,
                   @Value("${ratelink.postbacks.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.sender = sender;
        this.schedule = schedule;
        this.transactions = transactions;
        this.partners = partners;
        this.mailer = mailer;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.poll = poll;
        this.threadCount = Math.max(1, threadCount);
        this.enabled = enabled;
    }

    /** Wakes the threads (a commit wrote deliveries). */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Sends that one delivery now if it is due and no worker holds it; false when nothing was sent. */
    boolean deliver(long deliveryId) {
        return deliverOne(deliveryId, Postbacks.TEST_DELAY.plusMinutes(1));
    }

    /** Takes one due delivery, sends it, records the outcome; false when none was due. */
    boolean deliverOne(Long only) {
        return deliverOne(only, Duration.ZERO);
    }

    /** {@code ahead}: also rows due that much later (a test event, written for later so no other worker takes it). */
    private boolean deliverOne(Long only, Duration ahead) {
        Boolean sent = transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<PostbackRepository.Delivery> claimed = repository.claimDue(now.plus(ahead), only);
            if (claimed.isEmpty()) {
                return false;
            }
            PostbackRepository.Delivery d = claimed.get();
            Optional<Endpoint> endpoint = repository.endpoint(d.endpointId());
            if (endpoint.isEmpty()) {
                return false;
            }
            Map<String, String> values = json.readValue(d.payload(), VALUES);
            PostbackSender.Result result = sender.send(endpoint.get(), values);
            Instant after = clock.instant();
            repository.logAttempt(d, after, result);
            if (result.succeeded()) {
                repository.delivered(d.id(), after);
                repository.working(d.endpointId());
            } else {
                failed(endpoint.get(), d, after);
            }
            return true;
        });
        return Boolean.TRUE.equals(sent);
    }

    private void failed(Endpoint endpoint, PostbackRepository.Delivery d, Instant now) {
        if (PostbackEvent.TEST.equals(d.event())) {
            // A test is shown to the partner at once; it is not retried and says nothing about the endpoint.
            repository.givenUp(d.id(), now);
            return;
        }
        Optional<Instant> next = schedule.next(d.createdAt(), d.attempts() + 1, now);
        if (next.isPresent()) {
            repository.retryAt(d.id(), next.get());
        } else {
            repository.givenUp(d.id(), now);
        }
        Instant failingSince = repository.failing(endpoint.id(), now);
        if (schedule.pause(failingSince, now)
                && repository.pause(endpoint.id(), endpoint.partnerId(), Endpoint.FAILING, now)) {
            log.info("Postback endpoint {} of partner {} paused: failing since {}", endpoint.id(),
                    endpoint.partnerId(), failingSince);
            mailPaused(endpoint, failingSince);
        }
    }

    private void mailPaused(Endpoint endpoint, Instant failingSince) {
        Optional<Partner> partner = partners.byId(endpoint.partnerId());
        if (partner.isEmpty()) {
            return;
        }
        Locale locale = Locale.ENGLISH;
        mailer.send(partner.get().email(),
                messages.getMessage("postbacks.mail.paused.subject", null, locale),
                messages.getMessage("postbacks.mail.paused.text", new Object[] {endpoint.url(), failingSince.toString()},
                        locale));
    }

    private void run() {
        while (running) {
            try {
                if (deliverOne(null)) {
                    continue;
                }
            } catch (RuntimeException e) {
                log.warn("Postback worker: {}", e.toString());
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(poll.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::run, "postback-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the web server, before the database goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
