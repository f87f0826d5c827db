package app.ratelink.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The server secret behind {@code user_hash} and the attribution cookie's signature. Kept in the
 * database so every node computes the same {@code user_hash} for a visitor; the first node to start
 * creates it.
 */
@Component
class ClickSecret {

    /** 12 hex characters = 48 bits: short for partners to read, wide enough to count distinct visitors. */
    static final int USER_HASH_LENGTH = 12;

    private final byte[] key;
    private final ThreadLocal<Mac> macs;

    ClickSecret(JdbcClient jdbc) {
        this.key = HexFormat.of().parseHex(load(jdbc));
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A short, stable, non-reversible identifier of a visitor id. */
    String userHash(String visitorId) {
        return hex("visitor:" + visitorId).substring(0, USER_HASH_LENGTH);
    }

    /** A signature that the attribution cookie was written by us. */
    String sign(String text) {
        return hex("attribution:" + text).substring(0, 20);
    }

    private String hex(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String load(JdbcClient jdbc) {
        Optional<String> stored = read(jdbc);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.sql("INSERT INTO click_secret (id, secret) VALUES (1, :secret)")
                    .param("secret", HexFormat.of().formatHex(random)).update();
        } catch (DataIntegrityViolationException e) {
            // Another node created it at the same moment: use theirs.
        }
        return read(jdbc).orElseThrow();
    }

    private static Optional<String> read(JdbcClient jdbc) {
        return jdbc.sql("SELECT secret FROM click_secret WHERE id = 1").query(String.class).optional();
    }
}
