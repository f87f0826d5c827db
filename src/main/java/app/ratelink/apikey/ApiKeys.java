package app.ratelink.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import app.ratelink.system.SqlTime;

/**
 * Partner API keys. A key is {@value #PREFIX_LENGTH} hex characters of public prefix (48 random bits, the
 * indexed lookup) followed by {@value #SECRET_LENGTH} hex characters of secret (128 random bits). Only the
 * SHA-256 of the whole key is stored: for keys of this entropy a slow hash adds nothing, and the partner
 * API checks a key on every request. The hashes are compared in constant time.
 */
@Service
public class ApiKeys {

    static final int PREFIX_LENGTH = 12;
    static final int SECRET_LENGTH = 32;
    /** Per key and node, the last-used time is written at most this often, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The partner id of a valid key: it exists, is not revoked, and its partner is confirmed and not
     * banned. Empty for anything else, including null and garbage; never throws on bad input.
     */
    public Optional<Long> authenticate(String rawKey) {
        if (!wellFormed(rawKey)) {
            return Optional.empty();
        }
        String key = rawKey.trim().toLowerCase();
        Optional<Stored> stored = jdbc.sql("""
                SELECT k.id, k.partner_id, k.key_hash FROM api_keys k JOIN partners p ON p.id = k.partner_id
                WHERE k.prefix = :prefix AND k.revoked_at IS NULL AND p.confirmed = TRUE AND p.banned = FALSE""")
                .param("prefix", key.substring(0, PREFIX_LENGTH))
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("key_hash")))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(HEX.parseHex(stored.get().hash()), sha256(key))) {
            return Optional.empty();
        }
        touch(stored.get().id());
        return Optional.of(stored.get().partnerId());
    }

    /** Creates a key; the returned {@link NewApiKey#key()} is shown once and never again. */
    public NewApiKey create(long partnerId) {
        for (int attempt = 0; ; attempt++) {
            String prefix = randomHex(PREFIX_LENGTH / 2);
            String key = prefix + randomHex(SECRET_LENGTH / 2);
            Instant now = clock.instant();
            try {
                KeyHolder ids = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO api_keys (partner_id, prefix, key_hash, created_at)
                        VALUES (:partner, :prefix, :hash, :at)""")
                        .param("partner", partnerId).param("prefix", prefix).param("hash", HEX.formatHex(sha256(key)))
                        .param("at", SqlTime.of(now)).update(ids, "id");
                long id = ids.getKeyAs(Number.class).longValue();
                return new NewApiKey(new ApiKey(id, partnerId, prefix, now, null, null), key);
            } catch (DuplicateKeyException e) {
                // 48-bit prefixes collide only by extreme bad luck; draw again a few times.
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** The partner's keys, newest first, revoked ones included (marked). */
    public List<ApiKey> list(long partnerId) {
        return jdbc.sql("SELECT * FROM api_keys WHERE partner_id = :partner ORDER BY id DESC")
                .param("partner", partnerId).query(ApiKeys::key).list();
    }

    /** Revokes one of the partner's own keys; false when the key is not this partner's or already revoked. */
    public boolean revoke(long partnerId, long keyId) {
        return jdbc.sql("""
                UPDATE api_keys SET revoked_at = :at WHERE id = :id AND partner_id = :partner AND revoked_at IS NULL""")
                .param("at", SqlTime.of(clock.instant())).param("id", keyId).param("partner", partnerId)
                .update() == 1;
    }

    private void touch(long keyId) {
        Instant now = clock.instant();
        Instant written = lastUsedWritten.get(keyId);
        if (written != null && written.plus(LAST_USED_PRECISION).isAfter(now)) {
            return;
        }
        // Only the thread that wins the swap writes, so a burst of requests still makes one write.
        boolean won = written == null ? lastUsedWritten.putIfAbsent(keyId, now) == null
                : lastUsedWritten.replace(keyId, written, now);
        if (won) {
            jdbc.sql("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                    .param("at", SqlTime.of(now)).param("id", keyId).update();
        }
    }

    static boolean wellFormed(String rawKey) {
        if (rawKey == null) {
            return false;
        }
        String key = rawKey.trim();
        if (key.length() != PREFIX_LENGTH + SECRET_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.digit(key.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HEX.formatHex(b);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("prefix"),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "last_used_at"),
                SqlTime.instant(rs, "revoked_at"));
    }

    private record Stored(long id, long partnerId, String hash) {
    }
}
