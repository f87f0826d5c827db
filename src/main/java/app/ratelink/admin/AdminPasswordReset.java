package app.ratelink.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.Mailer;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;

/**
 * "Forgot password" for admins: a one-time link by mail, valid for an hour, only its SHA-256 stored. Asking
 * answers the same whether or not the address is an admin's; a disabled admin gets no link. A new password
 * ends every session of the admin and voids its other links.
 */
@Service
public class AdminPasswordReset {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAccounts accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    AdminPasswordReset(JdbcClient jdbc, Clock clock, AdminAccounts accounts, Mailer mailer, MessageSource messages,
                       Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
    }

    @Transactional
    public void request(String email, Locale locale) {
        accounts.byEmail(email).filter(a -> !a.disabled()).ifPresent(admin -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO admin_tokens (admin_id, token_hash, created_at, expires_at)
                    VALUES (:admin, :hash, :now, :expires)""")
                    .param("admin", admin.id()).param("hash", hash(token)).param("now", SqlTime.of(now))
                    .param("expires", SqlTime.of(now.plus(LIFETIME))).update();
            String link = settings.baseUrl() + "/admin/password/reset?token=" + token;
            mailer.send(admin.email(), messages.getMessage("admins.mail.reset.subject", null, locale),
                    messages.getMessage("admins.mail.reset.text", new Object[] {link}, locale));
        });
    }

    public boolean usable(String token) {
        return owner(token).isPresent();
    }

    /** Sets the password when the link is good; false when it is not (unknown, used, expired). */
    @Transactional
    public boolean reset(String token, String password) {
        Optional<Long> admin = owner(token);
        if (admin.isEmpty()) {
            return false;
        }
        // Checked before the link is used up, so a refused password leaves it usable for a second try.
        accounts.resetPassword(admin.get(), password);
        jdbc.sql("UPDATE admin_tokens SET used_at = :now WHERE admin_id = :admin AND used_at IS NULL")
                .param("now", SqlTime.of(clock.instant())).param("admin", admin.get()).update();
        return true;
    }

    private Optional<Long> owner(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT admin_id FROM admin_tokens WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", hash(token)).param("now", SqlTime.of(clock.instant())).query(Long.class).optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
