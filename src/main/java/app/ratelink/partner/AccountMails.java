package app.ratelink.partner;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.ratelink.system.Mailer;
import app.ratelink.system.Settings;

/**
 * The account e-mails. Sent in the background: how long an SMTP server takes must not tell a visitor
 * whether an address has an account (registration and password reset answer the same either way).
 */
@Component
class AccountMails {

    private final Mailer mailer;
    private final Settings settings;
    private final TaskExecutor executor;

    AccountMails(Mailer mailer, Settings settings, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.mailer = mailer;
        this.settings = settings;
        this.executor = executor;
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
        Runnable sending = () -> executor.execute(() -> mailer.send(to, subject, text));
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
