package app.ratelink.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.SqlTime;

/**
 * Enrolment and checking of the second factor. Enrolment is two steps: {@link #start} makes a secret that
 * lives only in the enrolling session until {@link #confirm} proves (with a code) that the app has it; then
 * it is stored with ten recovery codes, shown once and kept only as SHA-256. A TOTP code is accepted once
 * (the last step used is stored and must grow), a recovery code once.
 */
@Service
public class TwoFactor {

    /** The factor authority a session gains with a right code (Spring Security's FACTOR_ naming). */
    public static final String AUTHORITY = "FACTOR_TOTP";
    public static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Ratelink";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Clock clock;

    TwoFactor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A secret being enrolled: kept in the session until confirmed. */
    public record Enrolment(String secret, String uri) implements java.io.Serializable {
    }

    public Enrolment start(String accountLabel) {
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.uri(ISSUER, accountLabel, secret));
    }

    public boolean enabled(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE subject = :s").param("s", subject)
                .query(Integer.class).single() > 0;
    }

    /**
     * Stores the enrolment if {@code code} is right for its secret; the recovery codes to show once, or empty
     * when the code is wrong (or the account enrolled meanwhile in another session).
     */
    @Transactional
    public Optional<List<String>> confirm(String subject, Enrolment enrolment, String code) {
        OptionalLong step = Totp.step(enrolment.secret(), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO two_factor (subject, secret, enabled_at, last_step) VALUES (:s, :secret, :at, :step)")
                    .param("s", subject).param("secret", enrolment.secret()).param("at", SqlTime.of(now))
                    .param("step", step.getAsLong()).update();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(newRecoveryCodes(subject));
    }

    /** Replaces the recovery codes (the old ones stop working). */
    @Transactional
    public List<String> newRecoveryCodes(String subject) {
        jdbc.sql("DELETE FROM two_factor_recovery WHERE subject = :s").param("s", subject).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code);
            jdbc.sql("INSERT INTO two_factor_recovery (subject, code_hash) VALUES (:s, :h)")
                    .param("s", subject).param("h", hash(normalized(code))).update();
        }
        return codes;
    }

    public int recoveryCodesLeft(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM two_factor_recovery WHERE subject = :s AND used_at IS NULL")
                .param("s", subject).query(Integer.class).single();
    }

    /** Whether {@code code} is a right TOTP code not used before, or an unused recovery code (then used up). */
    @Transactional
    public boolean verify(String subject, String code) {
        Optional<String> secret = jdbc.sql("SELECT secret FROM two_factor WHERE subject = :s").param("s", subject)
                .query(String.class).optional();
        if (secret.isEmpty() || code == null) {
            return false;
        }
        OptionalLong step = Totp.step(secret.get(), code, clock.instant());
        if (step.isPresent()) {
            // Compare-and-set: the same code twice (a replay, or two tabs) logs in once.
            return jdbc.sql("UPDATE two_factor SET last_step = :step WHERE subject = :s AND last_step < :step")
                    .param("step", step.getAsLong()).param("s", subject).update() == 1;
        }
        String normalized = normalized(code);
        if (normalized.length() != 10) {
            return false;
        }
        return jdbc.sql("""
                UPDATE two_factor_recovery SET used_at = :now
                WHERE subject = :s AND code_hash = :h AND used_at IS NULL""")
                .param("now", SqlTime.of(clock.instant())).param("s", subject).param("h", hash(normalized))
                .update() == 1;
    }

    @Transactional
    public void disable(String subject) {
        jdbc.sql("DELETE FROM two_factor_recovery WHERE subject = :s").param("s", subject).update();
        jdbc.sql("DELETE FROM two_factor WHERE subject = :s").param("s", subject).update();
    }

    /** Ten characters from an alphabet without look-alikes, shown as {@code abcde-fghjk}. */
    private static String recoveryCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return s.toString();
    }

    private static String normalized(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
