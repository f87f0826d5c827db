package app.ratelink.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the outbox's queued mail through SMTP: at once after the transaction that queued it commits (on a
 * thread of its own, so the caller never waits for the SMTP server), and on every node every few seconds for
 * what is due again. A failed try is retried after 30 s, then twice as long each time, at most an hour apart;
 * a mail still undelivered a week after it was written is given up (its error stays on the outbox page). Each
 * mail is taken with a compare-and-set lease, so two nodes never both send it.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(7);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String from;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    MailDelivery(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, Clock clock,
                 @Value("${ratelink.mail.from}") String from) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.clock = clock;
        this.from = from;
    }

    /** Delivers what is due as soon as the current transaction (if any) has committed. */
    void soon() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        // One run queued at a time is enough: it delivers everything due when it starts.
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    pending.set(false);
                    deliverQuietly();
                });
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    @Scheduled(initialDelayString = "${ratelink.mail.retry-check:PT5S}", fixedDelayString = "${ratelink.mail.retry-check:PT5S}")
    void poll() {
        deliverQuietly();
    }

    private void deliverQuietly() {
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            // The database may be away too; the next poll tries again.
            log.warn("Mail delivery run failed: {}", e.toString());
        }
    }

    /** Tries every mail due at {@code now}; returns how many were sent. */
    public int deliverDue(Instant now) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (long id : outbox.due(now, BATCH)) {
            OutgoingMail mail = outbox.claim(id, now, LEASE).orElse(null);
            if (mail == null) {
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.text());
            try {
                sender.send(message);
                outbox.sent(id, clock.instant());
                sent++;
            } catch (MailException | IllegalArgumentException e) {
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                Instant retry = retryAt(mail, now);
                log.warn("Mail {} to {} ({}) not sent, attempt {}{}: {}", id, mail.to(), mail.subject(),
                        mail.attempts() + 1, retry == null ? ", given up" : ", retried at " + retry, error);
                outbox.failed(id, error, retry);
            }
        }
        return sent;
    }

    /** 30 s, 1 min, 2 min, … at most an hour apart; null (given up) a week after the mail was written. */
    static Instant retryAt(OutgoingMail mail, Instant now) {
        if (!now.isBefore(mail.createdAt().plus(GIVE_UP_AFTER))) {
            return null;
        }
        int doublings = Math.min(mail.attempts(), 10);
        Duration pause = FIRST_RETRY.multipliedBy(1L << doublings);
        return now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
