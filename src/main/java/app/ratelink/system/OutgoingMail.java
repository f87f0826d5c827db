package app.ratelink.system;

import java.time.Instant;

/**
 * One e-mail as kept in the outbox. {@code delivered}: handed to the SMTP server (at {@code sentAt}). Until then
 * the text is kept for the delivery worker; without SMTP it stays, so the admin can read it (confirmation links
 * work on a laptop). Once sent only the envelope is kept, so one-time links do not pile up in the database.
 * {@code attempts} failed tries so far, {@code nextAttemptAt} when the worker tries again (null: not queued).
 */
public record OutgoingMail(long id, String to, String subject, String text, boolean delivered, String error,
                           Instant createdAt, int attempts, Instant nextAttemptAt, Instant sentAt) {

    public OutgoingMail(long id, String to, String subject, String text, boolean delivered, String error,
                        Instant createdAt) {
        this(id, to, subject, text, delivered, error, createdAt, 0, null, null);
    }
}
