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
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import app.ratelink.system.ClientAddress;
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
        return check(rawKey).map(ApiKey::partnerId);
    }

    /** The valid key itself (see {@link #authenticate}), with its scope, for the checks that follow. */
    public Optional<ApiKey> check(String rawKey) {
        if (!wellFormed(rawKey)) {
            return Optional.empty();
        }
        String key = rawKey.trim().toLowerCase();
        Optional<Stored> stored = jdbc.sql("""
                SELECT k.* FROM api_keys k JOIN partners p ON p.id = k.partner_id
                WHERE k.prefix = :prefix AND k.revoked_at IS NULL AND p.confirmed = TRUE AND p.banned = FALSE""")
                .param("prefix", key.substring(0, PREFIX_LENGTH))
                .query((rs, n) -> new Stored(key(rs, n), rs.getString("key_hash")))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(HEX.parseHex(stored.get().hash()), sha256(key))) {
            return Optional.empty();
        }
        touch(stored.get().key().id());
        return Optional.of(stored.get().key());
    }

    /** Creates a key that may call every method from anywhere; the key is shown once and never again. */
    public NewApiKey create(long partnerId) {
        return create(partnerId, ApiKey.METHODS, "");
    }

    /**
     * Creates a key that may call only {@code methods} (at least one of {@link ApiKey#METHODS}) from only
     * {@code allowedIps} (IPs and CIDR ranges, comma separated; blank = anywhere). Throws
     * {@link InvalidKeyScopeException} for a scope that cannot be kept.
     */
    public NewApiKey create(long partnerId, Collection<String> methods, String allowedIps) {
        List<String> chosen = ApiKey.METHODS.stream().filter(m -> methods != null && methods.contains(m)).toList();
        if (methods != null) {
            for (String m : methods) {
                if (!ApiKey.METHODS.contains(m)) {
                    throw new InvalidKeyScopeException("methods", "postbacks.keys.error.method", m);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidKeyScopeException("methods", "postbacks.keys.error.methods", "");
        }
        String ips = normalizedIps(allowedIps);
        // Every method is stored as no scope: such a key also calls methods added later, like the keys before scopes.
        String scope = chosen.size() == ApiKey.METHODS.size() ? "" : String.join(",", chosen);
        for (int attempt = 0; ; attempt++) {
            String prefix = randomHex(PREFIX_LENGTH / 2);
            String key = prefix + randomHex(SECRET_LENGTH / 2);
            Instant now = clock.instant();
            try {
                KeyHolder ids = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO api_keys (partner_id, prefix, key_hash, created_at, methods, allowed_ips)
                        VALUES (:partner, :prefix, :hash, :at, :methods, :ips)""")
                        .param("partner", partnerId).param("prefix", prefix).param("hash", HEX.formatHex(sha256(key)))
                        .param("at", SqlTime.of(now)).param("methods", scope).param("ips", ips).update(ids, "id");
                long id = ids.getKeyAs(Number.class).longValue();
                return new NewApiKey(new ApiKey(id, partnerId, prefix, now, null, null, scopeOf(scope), ips), key);
            } catch (DuplicateKeyException e) {
                // 48-bit prefixes collide only by extreme bad luck; draw again a few times.
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    static final int ALLOWED_IPS_LENGTH = 1000;

    /** The list as stored: entries trimmed, joined by ", "; each an IP or CIDR range. */
    static String normalizedIps(String allowedIps) {
        if (allowedIps == null || allowedIps.isBlank()) {
            return "";
        }
        Optional<String> invalid = ClientAddress.Ranges.invalidEntry(allowedIps);
        if (invalid.isPresent()) {
            throw new InvalidKeyScopeException("allowedIps", "postbacks.keys.error.allowedIps", invalid.get());
        }
        String joined = String.join(", ", java.util.Arrays.stream(allowedIps.split(",")).map(String::trim)
                .filter(e -> !e.isEmpty()).toList());
        if (joined.length() > ALLOWED_IPS_LENGTH) {
            throw new InvalidKeyScopeException("allowedIps", "postbacks.keys.error.allowedIps.length",
                    Integer.toString(ALLOWED_IPS_LENGTH));
        }
        return joined;
    }

    /** How many calls of each key are kept (and shown). */
    public static final int CALL_LOG = 1000;
    /** A node prunes a key's log every this many of its calls, so the log holds CALL_LOG to a few more rows. */
    private static final int PRUNE_EVERY = 50;
    private final Map<Long, java.util.concurrent.atomic.AtomicInteger> callsSincePrune = new ConcurrentHashMap<>();

    /** Appends a call to the key's log (time from the clock); now and then trims the log to its last 1,000. */
    public void logCall(long keyId, String method, String address, String result) {
        jdbc.sql("""
                INSERT INTO api_key_calls (key_id, called_at, method, address, result)
                VALUES (:key, :at, :method, :address, :result)""")
                .param("key", keyId).param("at", SqlTime.of(clock.instant())).param("method", crop(method, 32))
                .param("address", crop(address, 45)).param("result", crop(result, 100)).update();
        int n = callsSincePrune.computeIfAbsent(keyId, k -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        if (n % PRUNE_EVERY == 1) {
            jdbc.sql("""
                    DELETE FROM api_key_calls WHERE key_id = :key AND id <= (SELECT id FROM api_key_calls
                      WHERE key_id = :key ORDER BY id DESC OFFSET :keep ROWS FETCH FIRST 1 ROWS ONLY)""")
                    .param("key", keyId).param("keep", CALL_LOG).update();
        }
    }

    /** The last {@value #CALL_LOG} calls of one of the partner's keys, newest first; empty when not its key. */
    public Optional<List<ApiKeyCall>> calls(long partnerId, long keyId) {
        boolean own = jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE id = :id AND partner_id = :p")
                .param("id", keyId).param("p", partnerId).query(Long.class).single() == 1;
        if (!own) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                SELECT * FROM api_key_calls WHERE key_id = :key ORDER BY id DESC FETCH FIRST :n ROWS ONLY""")
                .param("key", keyId).param("n", CALL_LOG)
                .query((rs, row) -> new ApiKeyCall(SqlTime.instant(rs, "called_at"), rs.getString("method"),
                        rs.getString("address"), rs.getString("result"))).list());
    }

    private static String crop(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static Set<String> scopeOf(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(java.util.Arrays.stream(stored.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList());
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
                SqlTime.instant(rs, "revoked_at"), scopeOf(rs.getString("methods")), rs.getString("allowed_ips"));
    }

    private record Stored(ApiKey key, String hash) {
    }
}
