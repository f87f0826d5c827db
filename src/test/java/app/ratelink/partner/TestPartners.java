package app.ratelink.partner;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partners for tests of other features, inserted straight into {@code partners} (V2) with unique codes
 * and e-mails, since tests share one database.
 */
public final class TestPartners {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private TestPartners() {
    }

    /** A confirmed, not banned partner without a personal reward %. */
    public static Partner create(JdbcClient jdbc) {
        String code = code();
        String email = code + "@partners.test";
        jdbc.sql("INSERT INTO partners (code, email, password_hash, confirmed, banned, notes, created_at)"
                        + " VALUES (:code, :email, '{noop}unused', TRUE, FALSE, '', :at)")
                .param("code", code).param("email", email)
                .param("at", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        long id = jdbc.sql("SELECT id FROM partners WHERE code = :code").param("code", code).query(Long.class).single();
        return new Partner(id, code, email, true, false, null, "", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0,
                ZoneOffset.UTC).toInstant());
    }

    public static void ban(JdbcClient jdbc, long partnerId) {
        jdbc.sql("UPDATE partners SET banned = TRUE WHERE id = :id").param("id", partnerId).update();
    }

    private static String code() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
