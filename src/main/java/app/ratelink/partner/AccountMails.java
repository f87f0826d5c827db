package app.ratelink.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.ratelink.system.MailOutbox;
import app.ratelink.system.Mailer;
import app.ratelink.system.Settings;

/**
 * The account e-mails. Sent in the background: how long an SMTP server takes must not tell a visitor
 * whether an address has an account (registration and password reset answer the same either way).
 */
@Component
class AccountMails implements DisposableBean {

    /** Account mails per address and hour: the forms cannot be used to flood someone's mailbox. */
    static final int MAX_PER_HOUR = 6;

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final Mailer mailer;
    private final MailOutbox outbox;
    private final Settings settings;
    /** One sender thread: mails leave in order, and the per-address limit is counted exactly. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "account-mail");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    private final MessageSource messages;

    AccountMails(Mailer mailer, MailOutbox outbox, Settings settings, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.mailer = mailer;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Lets queued mail leave before the application stops (bounded: a dead SMTP server does not hang it). */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
    }

    void confirmation(String email, String token) {
        mail(email, "cabinet.mail.confirm", settings.baseUrl(), token);
    }

    void alreadyRegistered(String email) {
        mail(email, "cabinet.mail.already", settings.baseUrl());
    }

    void reset(String email, String token) {
        mail(email, "cabinet.mail.reset", settings.baseUrl(), token);
    }

    void emailChange(String newEmail, String token) {
        mail(newEmail, "cabinet.mail.emailChange", settings.baseUrl(), token);
    }

    void emailChanged(String oldEmail, String newEmail) {
        mail(oldEmail, "cabinet.mail.emailChanged", newEmail);
    }

    void passwordChanged(String email) {
        mail(email, "cabinet.mail.passwordChanged", settings.baseUrl());
    }

    /**
     * In the language of the person who triggered the mail: the page they are on (registration, reset
     * request, address change), so a mail never arrives in a language its reader did not choose.
     */
    private void mail(String to, String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        send(to, messages.getMessage(key + ".subject", null, locale), messages.getMessage(key + ".text", args, locale));
    }

    /** After the commit when in a transaction: a link must never arrive before its token is stored. */
    private void send(String to, String subject, String text) {
        Runnable sending = () -> executor.execute(() -> {
            if (outbox.countTo(to, clock.instant().minus(Duration.ofHours(1))) >= MAX_PER_HOUR) {
                log.warn("Not sending '{}' to {}: {} account mails to it in the last hour", subject, to, MAX_PER_HOUR);
                return;
            }
            mailer.send(to, subject, text);
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sending.run();
                }
            });
        } else {
            sending.run();
        }
    }
}
