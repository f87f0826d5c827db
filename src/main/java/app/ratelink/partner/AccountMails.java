package app.ratelink.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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

    AccountMails(Mailer mailer, MailOutbox outbox, Settings settings, Clock clock) {
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
        send(email, "Confirm your Ratelink partner account", """
                Welcome to the Ratelink partner program.

                Confirm your e-mail address to activate your account:
                %s/register/confirm?token=%s

                The link works once, for 48 hours. If you did not register, ignore this message.
                """.formatted(settings.baseUrl(), token));
    }

    void alreadyRegistered(String email) {
        send(email, "Your Ratelink partner account", """
                Someone (probably you) tried to register a Ratelink partner account with this address,
                but it has one already. Log in at %s/login
                Forgot the password? Set a new one at %s/password/forgot

                If this was not you, nothing has changed and you can ignore this message.
                """.formatted(settings.baseUrl(), settings.baseUrl()));
    }

    void reset(String email, String token) {
        send(email, "Reset your Ratelink password", """
                A new password was requested for your Ratelink partner account.

                Choose a new password here:
                %s/password/reset?token=%s

                The link works once, for one hour. If you did not ask for it, ignore this message:
                your password stays as it is.
                """.formatted(settings.baseUrl(), token));
    }

    void emailChange(String newEmail, String token) {
        send(newEmail, "Confirm your new e-mail address for Ratelink", """
                Confirm that this is the new e-mail address of your Ratelink partner account:
                %s/register/email?token=%s

                The link works once, for 24 hours. Until then you log in with your old address.
                """.formatted(settings.baseUrl(), token));
    }

    void emailChanged(String oldEmail, String newEmail) {
        send(oldEmail, "Your Ratelink e-mail address was changed", """
                The e-mail address of your Ratelink partner account is now %s.
                If you did not do this, contact the exchanger's support at once.
                """.formatted(newEmail));
    }

    void passwordChanged(String email) {
        send(email, "Your Ratelink password was changed", """
                The password of your Ratelink partner account was just changed.
                If you did not do this, reset it at %s/password/forgot and contact support.
                """.formatted(settings.baseUrl()));
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
