package app.ratelink.apikey;

import java.time.Instant;

/** A partner's API key as listed in the cabinet: never the key itself, only its public prefix. */
public record ApiKey(long id, long partnerId, String prefix, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
