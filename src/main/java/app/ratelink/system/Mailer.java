package app.ratelink.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The one way to send plain-text e-mail. With {@code spring.mail.host} set, the mail is written to the
 * {@link MailOutbox} in the caller's transaction (so it exists exactly when the change that sent it commits) and
 * {@link MailDelivery} hands it to the SMTP server right after the commit, retrying with growing pauses while the
 * server is away: an SMTP outage delays mail but loses none, and never blocks or fails the caller. Without SMTP
 * (the embedded default) the mail is written to the log and kept in the outbox for the admin, so registration
 * works on a laptop with no mail server.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailOutbox outbox;
    private final ObjectProvider<MailDelivery> delivery;

    Mailer(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, ObjectProvider<MailDelivery> delivery) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    public void send(String to, String subject, String text) {
        if (smtp.getIfAvailable() == null) {
            log.info("Mail (no SMTP configured, kept in the outbox) to {}: {}\n{}", to, subject, text);
            outbox.keep(to, subject, text, false, null);
            return;
        }
        outbox.queue(to, subject, text);
        MailDelivery worker = delivery.getIfAvailable();
        if (worker != null) {
            worker.soon();
        }
    }
}
