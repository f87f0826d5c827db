package app.ratelink.system;

import java.time.Instant;

/**
 * One e-mail as kept in the outbox. {@code delivered}: handed to the SMTP server. Without SMTP the text is
 * kept so the admin can read it (confirmation links work on a laptop); with SMTP only the envelope is kept,
 * so one-time links do not pile up in the database.
 */
public record OutgoingMail(long id, String to, String subject, String text, boolean delivered, String error,
                           Instant createdAt) {
}
