package app.ratelink.feed;

import java.time.Instant;

/**
 * A program that polls a feed profile, told apart by its address and user agent, with what it has fetched:
 * the JSON of {@code GET /api/operator/v1/feeds/{code}/robots} field for field.
 *
 * @param notModified of {@code requests}, how many were answered 304
 * @param bytes       body bytes sent (as sent: gzipped when it asked for gzip)
 */
public record FeedRobot(String address, String userAgent, long requests, long notModified, long bytes, int lastStatus,
                        Instant firstSeen, Instant lastSeen) {
}
