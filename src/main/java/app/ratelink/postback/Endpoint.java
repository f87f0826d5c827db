package app.ratelink.postback;

import java.time.Instant;
import java.util.Set;

/** A partner's postback endpoint. {@code pausedAt} null = active; {@code failingSince} null = working. */
public record Endpoint(long id, long partnerId, String url, String method, Set<String> events, String secret,
                       Instant createdAt, Instant pausedAt, String pausedReason, Instant failingSince) {

    public static final String GET = "GET";
    public static final String POST = "POST";
    /** {@code pausedReason} of an endpoint paused after failing for days. */
    public static final String FAILING = "failing";
    public static final String BY_PARTNER = "partner";

    public boolean active() {
        return pausedAt == null;
    }

    public boolean wants(String event) {
        return events.contains(event);
    }
}
