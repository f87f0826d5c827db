package app.ratelink.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every e-mail the site sent or will send, newest first: the delivery queue of {@link Mailer} (a row is written
 * in the sender's transaction and delivered by {@link MailDelivery}), and the history for the admin and tests.
 */
@Service
public class MailOutbox {

    private static final int SUBJECT = 300;
    private static final int BODY = 20000;
    private static final int ERROR = 1000;
    static final Duration KEPT = Duration.ofDays(90);
    static final String SENT_TEXT = "(sent by SMTP; the text is not kept)";

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a mail that is not to be delivered (no SMTP configured): the admin reads it here. */
    void keep(String to, String subject, String text, boolean delivered, String error) {
        insert(to, subject, text, delivered, error, null);
    }

    /** Queues a mail for the worker, due now; in the caller's transaction when there is one. */
    void queue(String to, String subject, String text) {
        insert(to, subject, text, false, null, clock.instant());
    }

    private void insert(String to, String subject, String text, boolean delivered, String error, Instant due) {
        jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body, delivered, error, created_at, attempts, next_attempt_at)
                VALUES (:to, :subject, :body, :delivered, :error, :at, 0, :due)""")
                .param("to", crop(to, 254)).param("subject", crop(subject, SUBJECT)).param("body", crop(text, BODY))
                .param("delivered", delivered).param("error", crop(error, ERROR))
                .param("at", SqlTime.of(clock.instant())).param("due", due == null ? null : SqlTime.of(due)).update();
    }

    /** Ids of queued mails due at {@code now}, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM mail_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", SqlTime.of(now)).param("limit", limit).query(Long.class).list();
    }

    /**
     * Takes a due mail for {@code lease} (a compare-and-set on its due time), so that two nodes' workers never
     * both send it; empty when another worker took it first. A worker that dies holding it gives it back when
     * the lease ends.
     */
    java.util.Optional<OutgoingMail> claim(long id, Instant now, Duration lease) {
        int taken = jdbc.sql("""
                UPDATE mail_outbox SET next_attempt_at = :until
                WHERE id = :id AND next_attempt_at IS NOT NULL AND next_attempt_at <= :now""")
                .param("until", SqlTime.of(now.plus(lease))).param("id", id).param("now", SqlTime.of(now)).update();
        return taken == 1 ? byId(id) : java.util.Optional.empty();
    }

    void sent(long id, Instant at) {
        jdbc.sql("""
                UPDATE mail_outbox SET delivered = TRUE, sent_at = :at, next_attempt_at = NULL, error = NULL,
                  body = :body WHERE id = :id""")
                .param("at", SqlTime.of(at)).param("body", SENT_TEXT).param("id", id).update();
    }

    /** A failed try: the error is kept; tried again at {@code retryAt}, or never when that is null. */
    void failed(long id, String error, Instant retryAt) {
        jdbc.sql("""
                UPDATE mail_outbox SET attempts = attempts + 1, error = :error, next_attempt_at = :next WHERE id = :id""")
                .param("error", crop(error, ERROR)).param("next", retryAt == null ? null : SqlTime.of(retryAt))
                .param("id", id).update();
    }

    java.util.Optional<OutgoingMail> byId(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id").param("id", id).query(MailOutbox::mail).optional();
    }

    public List<OutgoingMail> recent(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 1000))).query(MailOutbox::mail).list();
    }

    /** Mail to one address, newest first (addresses compared case-insensitively). */
    public List<OutgoingMail> to(String recipient) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE LOWER(recipient) = :to ORDER BY id DESC LIMIT 100")
                .param("to", recipient == null ? "" : recipient.trim().toLowerCase()).query(MailOutbox::mail).list();
    }

    /** How many mails went to this address since then (a guard against using our forms to flood a mailbox). */
    public int countTo(String recipient, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE created_at > :since AND LOWER(recipient) = :to")
                .param("since", SqlTime.of(since)).param("to", recipient == null ? "" : recipient.trim().toLowerCase())
                .query(Integer.class).single();
    }

    /** Mails waiting for delivery (queued, not yet sent). */
    public int waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE next_attempt_at IS NOT NULL").query(Integer.class).single();
    }

    /** The outbox is a recent history, not an archive. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT15M")
    void forgetOld() {
        jdbc.sql("DELETE FROM mail_outbox WHERE created_at < :before AND next_attempt_at IS NULL")
                .param("before", SqlTime.of(clock.instant().minus(KEPT))).update();
    }

    private static OutgoingMail mail(ResultSet rs, int row) throws SQLException {
        return new OutgoingMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getBoolean("delivered"), rs.getString("error"),
                SqlTime.instant(rs, "created_at"), rs.getInt("attempts"), SqlTime.instant(rs, "next_attempt_at"),
                SqlTime.instant(rs, "sent_at"));
    }

    private static String crop(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
