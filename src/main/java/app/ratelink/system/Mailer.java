package app.ratelink.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text e-mail. With {@code spring.mail.host} set, through that SMTP server; without it (the
 * embedded default) the mail is written to the log and kept in the {@link MailOutbox} for the admin, so
 * registration works on a laptop with no mail server. Never throws: a mail that could not be handed over
 * is kept in the outbox with the error, and the business action that sent it stands.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailOutbox outbox;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, @Value("${ratelink.mail.from}") String from) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.from = from;
    }

    public void send(String to, String subject, String text) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("Mail (no SMTP configured, kept in the outbox) to {}: {}\n{}", to, subject, text);
            outbox.keep(to, subject, text, false, null);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            outbox.keep(to, subject, "(sent by SMTP; the text is not kept)", true, null);
        } catch (MailException | IllegalArgumentException e) {
            log.warn("Mail to {} ({}) could not be sent: {}", to, subject, e.toString());
            outbox.keep(to, subject, text, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
