package app.ratelink.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.ratelink.system.SqlTime;

/**
 * One-time tokens sent by e-mail (confirmation, password reset, change of address): 256 random bits in the
 * link, only their SHA-256 in the database, usable once and only until they expire.
 */
@Component
class PartnerTokens {

    enum Purpose {
        CONFIRM("confirm", Duration.ofHours(48)),
        RESET("reset", Duration.ofHours(1)),
        EMAIL("email", Duration.ofHours(24));

        final String code;
        final Duration lifetime;

        Purpose(String code, Duration lifetime) {
            this.code = code;
            this.lifetime = lifetime;
        }
    }

    /** A token that was just used: whose it was, when it was issued, and the new address for EMAIL. */
    record Use(long partnerId, Instant issuedAt, String newEmail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PartnerTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(long partnerId, Purpose purpose, String newEmail) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO partner_tokens (partner_id, purpose, token_hash, new_email, created_at, expires_at)
                VALUES (:partner, :purpose, :hash, :email, :at, :expires)""")
                .param("partner", partnerId).param("purpose", purpose.code).param("hash", hash(token))
                .param("email", newEmail).param("at", SqlTime.of(now))
                .param("expires", SqlTime.of(now.plus(purpose.lifetime))).update();
        return token;
    }

    /** Whether the token would be accepted now, without using it (to show the reset form or an error). */
    boolean usable(String token, Purpose purpose) {
        if (!plausible(token)) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM partner_tokens WHERE token_hash = :hash AND purpose = :purpose
                AND used_at IS NULL AND expires_at > :now""")
                .param("hash", hash(token)).param("purpose", purpose.code).param("now", SqlTime.of(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /**
     * Marks the token used and returns what it was for; empty when unknown, expired, of another purpose or
     * used before. The conditional update makes two simultaneous uses of one token yield one success.
     */
    Optional<Use> use(String token, Purpose purpose) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        int used = jdbc.sql("""
                UPDATE partner_tokens SET used_at = :now WHERE token_hash = :hash AND purpose = :purpose
                AND used_at IS NULL AND expires_at > :now""")
                .param("now", SqlTime.of(now)).param("hash", hash).param("purpose", purpose.code).update();
        if (used != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT partner_id, created_at, new_email FROM partner_tokens WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> new Use(rs.getLong("partner_id"), SqlTime.instant(rs, "created_at"),
                        rs.getString("new_email")))
                .optional();
    }

    /** Voids the partner's other open tokens of a purpose (after a reset, earlier reset links die too). */
    void voidAll(long partnerId, Purpose purpose) {
        jdbc.sql("UPDATE partner_tokens SET used_at = :now WHERE partner_id = :partner AND purpose = :purpose AND used_at IS NULL")
                .param("now", SqlTime.of(clock.instant())).param("partner", partnerId).param("purpose", purpose.code)
                .update();
    }

    /** Dead tokens are kept a while for support questions ("the link did not work"), then dropped. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void forgetOld() {
        jdbc.sql("DELETE FROM partner_tokens WHERE expires_at < :before")
                .param("before", SqlTime.of(clock.instant().minus(Duration.ofDays(30)))).update();
    }

    private static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
