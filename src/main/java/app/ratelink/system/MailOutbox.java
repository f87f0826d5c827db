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

/** Every e-mail the site sent or would have sent, newest first: for the admin and for tests. */
@Service
public class MailOutbox {

    private static final int SUBJECT = 300;
    private static final int BODY = 20000;
    private static final int ERROR = 1000;
    static final Duration KEPT = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void keep(String to, String subject, String text, boolean delivered, String error) {
        jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body, delivered, error, created_at)
                VALUES (:to, :subject, :body, :delivered, :error, :at)""")
                .param("to", crop(to, 254)).param("subject", crop(subject, SUBJECT)).param("body", crop(text, BODY))
                .param("delivered", delivered).param("error", crop(error, ERROR))
                .param("at", SqlTime.of(clock.instant())).update();
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

    /** The outbox is a recent history, not an archive. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT15M")
    void forgetOld() {
        jdbc.sql("DELETE FROM mail_outbox WHERE created_at < :before")
                .param("before", SqlTime.of(clock.instant().minus(KEPT))).update();
    }

    private static OutgoingMail mail(ResultSet rs, int row) throws SQLException {
        return new OutgoingMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getBoolean("delivered"), rs.getString("error"),
                SqlTime.instant(rs, "created_at"));
    }

    private static String crop(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
