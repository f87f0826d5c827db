package app.ratelink.postback;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's postback endpoints and what happens to them: saved (the secret is returned once), paused,
 * resumed, deleted, tested; and the events announced to them, written to the outbox in the caller's
 * transaction. Every operation is scoped to the partner, so another partner's endpoint id is "not found".
 */
@Service
public class Postbacks {

    static final int URL_LENGTH = 2000;
    public static final int LOG_SIZE = 50;
    /** A test event is written due this far ahead, so that only the request that pressed the button sends it. */
    static final java.time.Duration TEST_DELAY = java.time.Duration.ofHours(1);

    private final PostbackRepository repository;
    private final PostbackSender sender;
    private final PostbackWorker worker;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Postbacks(PostbackRepository repository, PostbackSender sender, PostbackWorker worker, JsonMapper json,
              Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    /** A new endpoint and its secret, the only time the secret leaves the exchanger except in signatures. */
    public record Created(Endpoint endpoint, String secret) {
    }

    @Transactional
    public Created create(long partnerId, String url, String method, List<String> events) {
        String u = url == null ? "" : url.trim();
        String m = method == null ? "" : method.trim();
        if (!m.equals(Endpoint.GET) && !m.equals(Endpoint.POST)) {
            throw new PostbackRefused("method", "postbacks.error.method");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (PostbackEvent e : PostbackEvent.values()) {
            if (events != null && events.contains(e.wireName())) {
                chosen.add(e.wireName());
            }
        }
        if (chosen.isEmpty()) {
            throw new PostbackRefused("events", "postbacks.error.events");
        }
        checkUrl(u);
        String secret = HexFormat.of().formatHex(randomBytes(32));
        long id = repository.insertEndpoint(partnerId, u, m, chosen, secret, clock.instant());
        return new Created(repository.endpoint(id).orElseThrow(), secret);
    }

    private void checkUrl(String url) {
        if (url.isEmpty() || url.length() > URL_LENGTH) {
            throw new PostbackRefused("url", "postbacks.error.url.length", URL_LENGTH);
        }
        Optional<String> unknown = Macros.unknown(url);
        if (unknown.isPresent()) {
            throw new PostbackRefused("url", "postbacks.error.url.macro", unknown.get());
        }
        URI uri;
        try {
            uri = URI.create(Macros.expand(url, Macros.values(Map.of())));
        } catch (IllegalArgumentException e) {
            throw new PostbackRefused("url", "postbacks.error.url.invalid");
        }
        Optional<String> refused = sender.refusal(uri);
        if (refused.isPresent()) {
            throw new PostbackRefused("url", "postbacks.error.url.refused", refused.get());
        }
    }

    @Transactional(readOnly = true)
    public List<Endpoint> endpoints(long partnerId) {
        return repository.endpointsOf(partnerId);
    }

    /** The partner's last {@value #LOG_SIZE} attempts, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> log(long partnerId) {
        return repository.attemptsOf(partnerId, LOG_SIZE);
    }

    @Transactional(readOnly = true)
    public long pending(long partnerId) {
        return repository.pendingOf(partnerId);
    }

    @Transactional
    public boolean pause(long partnerId, long endpointId) {
        return repository.pause(endpointId, partnerId, Endpoint.BY_PARTNER, clock.instant());
    }

    @Transactional
    public boolean resume(long partnerId, long endpointId) {
        return repository.resume(endpointId, partnerId, clock.instant());
    }

    @Transactional
    public boolean delete(long partnerId, long endpointId) {
        return repository.delete(endpointId, partnerId);
    }

    /**
     * Sends a {@code test} event to the endpoint now (its values are examples) and returns the attempt;
     * empty when the endpoint is not this partner's or is paused.
     */
    public Optional<Attempt> sendTest(long partnerId, long endpointId) {
        Optional<Endpoint> endpoint = repository.endpoint(endpointId).filter(e -> e.partnerId() == partnerId)
                .filter(Endpoint::active);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        Map<String, String> values = Macros.values(Map.ofEntries(Map.entry("event", PostbackEvent.TEST),
                Map.entry("event_id", eventId), Map.entry("order_id", "0"), Map.entry("status", "new"),
                Map.entry("amount_give", "100"), Map.entry("currency_give", "PMUSD"), Map.entry("amount_get", "0.001"),
                Map.entry("currency_get", "BTC"), Map.entry("reward", "0.5"), Map.entry("sub1", "test"),
                Map.entry("click_id", "test"), Map.entry("time", Long.toString(now.getEpochSecond()))));
        long deliveryId = repository.insertDelivery(endpointId, eventId, PostbackEvent.TEST, json.writeValueAsString(values),
                now.plus(TEST_DELAY));
        worker.deliver(deliveryId);
        return repository.lastAttempt(deliveryId);
    }

    /**
     * Writes {@code event} with these values to the outbox of every active endpoint of the partner that
     * wants it, in the caller's transaction, with one event id for all of them; the worker is woken after
     * the commit. Returns the event id, empty when no endpoint wants the event.
     */
    public Optional<String> announce(long partnerId, PostbackEvent event, Instant at, Map<String, String> given) {
        List<Endpoint> wanting = new ArrayList<>();
        for (Endpoint e : repository.endpointsOf(partnerId)) {
            if (e.active() && e.wants(event.wireName())) {
                wanting.add(e);
            }
        }
        return write(wanting, event, at, given);
    }

    /** The same to one endpoint (its click announcer has checked that it wants the event). */
    Optional<String> announceTo(long endpointId, PostbackEvent event, Instant at, Map<String, String> given) {
        return write(repository.endpoint(endpointId).stream().toList(), event, at, given);
    }

    private Optional<String> write(List<Endpoint> endpoints, PostbackEvent event, Instant at, Map<String, String> given) {
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        String eventId = UUID.randomUUID().toString();
        Map<String, String> values = new java.util.LinkedHashMap<>(given);
        values.put("event", event.wireName());
        values.put("event_id", eventId);
        values.put("time", Long.toString(at.getEpochSecond()));
        String payload = json.writeValueAsString(Macros.values(values));
        Instant now = clock.instant();
        for (Endpoint e : endpoints) {
            repository.insertDelivery(e.id(), eventId, event.wireName(), payload, now);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
        return Optional.of(eventId);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
