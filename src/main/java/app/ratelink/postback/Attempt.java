package app.ratelink.postback;

import java.time.Instant;

/**
 * One try of a delivery, as the log shows it. {@code httpStatus} null = no answer (address refused,
 * timeout, connection error); {@code response}: the start of the answer's body, or why there was none.
 */
public record Attempt(long id, long endpointId, String event, String eventId, Instant time, Integer httpStatus,
                      long durationMs, boolean succeeded, String response) {
}
