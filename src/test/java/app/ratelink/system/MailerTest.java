package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import app.ratelink.testing.Engine;
import app.ratelink.testing.FreePorts;
import app.ratelink.testing.MutableClock;

/**
 * Mail through the durable outbox: queued in the database, delivered by the worker through SMTP (GreenMail),
 * kept for the admin without SMTP, and retried, never lost, while the SMTP server is away.
 */
class MailerTest {

    /** A clock the test moves. */

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    record Mail(Mailer mailer, MailDelivery delivery, MailOutbox outbox) {
    }

    private Mail mail(Engine engine, JavaMailSender smtp) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (smtp != null) {
            beans.addBean("mailSender", smtp);
        }
        MailOutbox outbox = new MailOutbox(engine.jdbc(), clock);
        MailDelivery delivery = new MailDelivery(beans.getBeanProvider(JavaMailSender.class), outbox, clock,
                "Ratelink <noreply@ratelink.test>");
        // The worker is driven by the test (deliverDue), not woken in the background.
        return new Mail(new Mailer(beans.getBeanProvider(JavaMailSender.class), outbox,
                new StaticListableBeanFactory().getBeanProvider(MailDelivery.class)), delivery, outbox);
    }

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void withoutSmtpTheMailIsKeptForTheAdmin(Engine engine) {
        Mail m = mail(engine, null);
        m.mailer().send("Partner@Example.com", "Confirm", "Follow http://x/register/confirm?token=abc");
        assertThat(m.outbox().to("partner@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Confirm");
            assertThat(mail.text()).contains("token=abc");
            assertThat(mail.delivered()).isFalse();
            assertThat(mail.error()).isNull();
            assertThat(mail.nextAttemptAt()).isNull();
            assertThat(mail.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(m.outbox().recent(10)).hasSize(1);
        assertThat(m.outbox().countTo("PARTNER@example.com", clock.instant().minusSeconds(60))).isEqualTo(1);
        assertThat(m.outbox().countTo("partner@example.com", clock.instant())).isZero();
        assertThat(m.delivery().deliverDue(clock.instant())).isZero();

        MailOutbox later = new MailOutbox(engine.jdbc(), Clock.offset(clock, MailOutbox.KEPT.plusDays(1)));
        later.forgetOld();
        assertThat(m.outbox().recent(10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void withSmtpTheMailIsQueuedThenDeliveredAndOnlyItsEnvelopeKept(Engine engine) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            Mail m = mail(engine, smtp(greenMail.getSmtp().getPort()));
            m.mailer().send("partner@example.com", "Payout paid", "Your payout of 12.50 USD was sent.");
            assertThat(greenMail.getReceivedMessages()).as("queued, not sent by the caller").isEmpty();
            assertThat(m.outbox().waiting()).isEqualTo(1);

            assertThat(m.delivery().deliverDue(clock.instant())).isEqualTo(1);
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Payout paid");
            assertThat(received[0].getFrom()[0].toString()).contains("noreply@ratelink.test");
            assertThat(GreenMailUtil.getBody(received[0])).contains("12.50 USD");
            assertThat(m.outbox().to("partner@example.com")).singleElement().satisfies(mail -> {
                assertThat(mail.delivered()).isTrue();
                assertThat(mail.sentAt()).isEqualTo(clock.instant());
                assertThat(mail.text()).doesNotContain("12.50");
            });
            // Delivered once: a second run (another node's) finds nothing due.
            assertThat(m.delivery().deliverDue(clock.instant().plusSeconds(60))).isZero();
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
        } finally {
            greenMail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void anSmtpOutageDelaysTheMailButLosesNone(Engine engine) throws Exception {
        int port = FreePorts.next();
        Mail m = mail(engine, smtp(port));
        m.mailer().send("partner@example.com", "Reset", "token=xyz");
        m.mailer().send("client@example.com", "Order", "order K7M4-2QXA");

        // The server is away: both fail, keep their text and error, and are due again in 30 s.
        assertThat(m.delivery().deliverDue(clock.instant())).isZero();
        assertThat(m.outbox().to("partner@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.delivered()).isFalse();
            assertThat(mail.error()).isNotBlank();
            assertThat(mail.text()).contains("token=xyz");
            assertThat(mail.attempts()).isEqualTo(1);
            assertThat(mail.nextAttemptAt()).isEqualTo(clock.instant().plus(MailDelivery.FIRST_RETRY));
        });
        clock.advance(Duration.ofSeconds(31));
        assertThat(m.delivery().deliverDue(clock.instant())).isZero();
        assertThat(m.outbox().to("partner@example.com").get(0).nextAttemptAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(m.delivery().deliverDue(clock.instant().plusSeconds(10))).as("not due yet").isZero();

        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            clock.advance(Duration.ofSeconds(61));
            assertThat(m.delivery().deliverDue(clock.instant())).isEqualTo(2);
            assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                    .containsExactlyInAnyOrder("Reset", "Order");
            assertThat(m.outbox().waiting()).isZero();
            assertThat(m.outbox().to("client@example.com").get(0).delivered()).isTrue();
        } finally {
            greenMail.stop();
        }

        assertThat(MailDelivery.retryAt(new OutgoingMail(1, "a", "s", "t", false, "e", clock.instant(), 20, null, null),
                clock.instant())).isEqualTo(clock.instant().plus(MailDelivery.LONGEST_PAUSE));
        assertThat(MailDelivery.retryAt(new OutgoingMail(1, "a", "s", "t", false, "e",
                clock.instant().minus(MailDelivery.GIVE_UP_AFTER), 100, null, null), clock.instant())).isNull();
    }
}
