package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import app.ratelink.testing.Engine;

/** Mail through SMTP (GreenMail), into the outbox without SMTP, and never an exception when SMTP fails. */
class MailerTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private static Mailer mailer(MailOutbox outbox, JavaMailSender smtp) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (smtp != null) {
            beans.addBean("mailSender", smtp);
        }
        return new Mailer(beans.getBeanProvider(JavaMailSender.class), outbox, "Ratelink <noreply@ratelink.test>");
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
        MailOutbox outbox = new MailOutbox(engine.jdbc(), clock);
        mailer(outbox, null).send("Partner@Example.com", "Confirm", "Follow http://x/register/confirm?token=abc");
        assertThat(outbox.to("partner@example.com")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Confirm");
            assertThat(m.text()).contains("token=abc");
            assertThat(m.delivered()).isFalse();
            assertThat(m.error()).isNull();
            assertThat(m.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(outbox.recent(10)).hasSize(1);
        assertThat(outbox.countTo("PARTNER@example.com", clock.instant().minusSeconds(60))).isEqualTo(1);
        assertThat(outbox.countTo("partner@example.com", clock.instant())).isZero();

        MailOutbox later = new MailOutbox(engine.jdbc(),
                Clock.offset(clock, MailOutbox.KEPT.plusDays(1)));
        later.forgetOld();
        assertThat(outbox.recent(10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void withSmtpTheMailIsDeliveredAndOnlyItsEnvelopeKept(Engine engine) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            MailOutbox outbox = new MailOutbox(engine.jdbc(), clock);
            mailer(outbox, smtp(greenMail.getSmtp().getPort()))
                    .send("partner@example.com", "Payout paid", "Your payout of 12.50 USD was sent.");
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Payout paid");
            assertThat(received[0].getFrom()[0].toString()).contains("noreply@ratelink.test");
            assertThat(GreenMailUtil.getBody(received[0])).contains("12.50 USD");
            assertThat(outbox.to("partner@example.com")).singleElement().satisfies(m -> {
                assertThat(m.delivered()).isTrue();
                assertThat(m.text()).doesNotContain("12.50");
            });
        } finally {
            greenMail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aFailingSmtpServerNeverBreaksTheCaller(Engine engine) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailOutbox outbox = new MailOutbox(engine.jdbc(), clock);
        mailer(outbox, smtp(closedPort)).send("partner@example.com", "Reset", "token=xyz");
        assertThat(outbox.to("partner@example.com")).singleElement().satisfies(m -> {
            assertThat(m.delivered()).isFalse();
            assertThat(m.error()).isNotBlank();
            assertThat(m.text()).contains("token=xyz");
        });
    }
}
