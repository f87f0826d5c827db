package app.ratelink.referral;

import java.time.Instant;

/**
 * A counted click as partners see it (partner API {@code get_links}, cabinet, CSV). {@code ip} is the
 * full address as stored; {@code browser} is the parsed name and major version ("Chrome 120") or
 * "Unknown".
 */
public record Click(long id, Instant time, String browser, String ip, String referrer, String userHash,
                    String queryString) {
}
