package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.Referral;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.system.MailDelivery;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.FreePorts;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * A mail at every change, through real SMTP (GreenMail): the client's creation mail with the order number,
 * amounts, fees and payment instructions, one mail per status change in the order's language, the operators'
 * mails (new order, order paid, payout requested), and an SMTP outage that delays mails but loses none.
 */
class OrderMailsHttpTest extends IntegrationTest {

    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");
    static final int SMTP_PORT = FreePorts.next();
    static GreenMail greenMail = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // Retries are driven by the test; delivery right after each commit still runs by itself.
        registry.add("ratelink.mail.retry-check", () -> "PT1H");
    }

    @Autowired
    Orders orders;

    @Autowired
    OrderPlacement placement;

    @Autowired
    Partners partners;

    @Autowired
    Payouts payouts;

    @Autowired
    Settings settings;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Clock clock;

    String from;
    String to;
    String client;

    @BeforeEach
    void direction() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        settings.update(Map.of(Setting.OPERATOR_EMAILS, "ops@exchanger.test, boss@exchanger.test"));
        from = TestCatalog.code("MF");
        to = TestCatalog.code("MT");
        client = "client-" + from.toLowerCase() + "@example.com";
        new TestCatalog(operator())
                .currency(from, "Mail Dollar", "USD", 2, "100000", "", "Pay to U7654321 with the note ORDER")
                .currency(to, "Mail Coin", "MCN", 8, "100", "", "");
        assertThat(operator().json("PUT", "/api/operator/v1/directions/" + from + "/" + to, """
                {"in":2,"out":1,"minAmount":10,"maxAmount":1000,"profitPercent":2,"flags":[],"cities":[],
                 "active":true,"toFee":"0.5"}""").statusCode()).isEqualTo(200);
    }

    @AfterEach
    void noOperators() {
        // The Spring context is shared: the next test class must find the site's default language as it was.
        settings.update(Map.of(Setting.OPERATOR_EMAILS, "", Setting.DEFAULT_LANGUAGE, Setting.DEFAULT_LANGUAGE.defaultValue()));
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    private String order(TestHttp http, String amount) {
        http.get("/exchange/" + from + "/" + to);
        HttpResponse<String> r = http.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", amount, "account", "MCN-wallet-1", "email", client));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private List<MimeMessage> to(String address, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MimeMessage> mails;
        do {
            mails = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (mails.size() >= expected) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return mails;
    }

    @Test
    void theClientHearsOfCreationAndOfEveryStatusChangeAndTheOperatorsOfNewAndPaidOrders() throws Exception {
        String publicId = order(http(), "101");
        Order order = orders.byPublicId(publicId).orElseThrow();

        MimeMessage created = to(client, 1).get(0);
        String body = text(created);
        assertThat(created.getSubject()).isEqualTo("Order " + order.number() + ": Mail Dollar \u2192 Mail Coin");
        assertThat(body).contains(order.number()).contains("You give: 101 " + from)
                .contains("You get: 50 " + to).contains("0.5 " + to + " from what you get")
                .contains("Rate (fixed): 2 " + from + " \u2192 1 " + to).contains("MCN-wallet-1")
                .contains("Pay to U7654321 with the note ORDER").contains("/order/" + publicId)
                .contains("unpaid orders are cancelled");
        assertThat(to("ops@exchanger.test", 1)).singleElement().satisfies(m ->
                assertThat(m.getSubject()).startsWith("New order " + order.number()));
        assertThat(to("boss@exchanger.test", 1)).hasSize(1);

        TestHttp page = http();
        page.get("/order/" + publicId);
        page.postForm("/order/" + publicId + "/paid", Map.of());
        assertThat(to(client, 2)).hasSize(2);
        assertThat(to("ops@exchanger.test", 2)).extracting(MimeMessage::getSubject)
                .anySatisfy(s -> assertThat(s).startsWith("Order " + order.number() + " marked paid"));

        orders.changeStatus(order.id(), OrderStatus.PROCESSING, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "again: not a change");
        List<MimeMessage> mails = to(client, 4);
        Thread.sleep(300);
        mails = to(client, 4);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "Order " + order.number() + ": Mail Dollar \u2192 Mail Coin",
                "Order " + order.number() + ": paid, being checked",
                "Order " + order.number() + ": processing",
                "Order " + order.number() + ": completed");
        assertThat(text(mails.get(3))).contains("the money was sent to your account")
                .contains("/order/" + publicId).doesNotContain("review");
        assertThat(to("ops@exchanger.test", 2)).hasSize(2);
    }

    @Test
    void theOperatorsReadTheSitesDefaultLanguageWhateverTheClientSpeaks() throws Exception {
        settings.update(Map.of(Setting.DEFAULT_LANGUAGE, "ru"));
        String publicId = order(http().withHeader("Accept-Language", "en"), "20");
        Order order = orders.byPublicId(publicId).orElseThrow();
        assertThat(order.language()).isEqualTo("en");
        assertThat(to(client, 1).get(0).getSubject()).isEqualTo("Order " + order.number() + ": Mail Dollar \u2192 Mail Coin");
        MimeMessage operatorMail = to("ops@exchanger.test", 1).get(0);
        assertThat(operatorMail.getSubject()).startsWith("Новая заявка " + order.number() + ": 20 " + from + " \u2192 ");
        assertThat(text(operatorMail)).contains("Создана новая заявка " + order.number()).contains("Клиент отдаёт: 20 " + from)
                .contains("E-mail клиента: " + client).doesNotContain("New order");
    }

    @Test
    void aRussianClientGetsItsMailsInRussian() throws Exception {
        String publicId = order(http().withHeader("Accept-Language", "ru-RU,ru;q=0.9"), "20");
        Order order = orders.byPublicId(publicId).orElseThrow();
        assertThat(order.language()).isEqualTo("ru");
        MimeMessage created = to(client, 1).get(0);
        assertThat(created.getSubject()).isEqualTo("Заявка " + order.number() + ": Mail Dollar \u2192 Mail Coin");
        assertThat(text(created)).contains("Вы отдаёте: 20 " + from);
        orders.changeStatus(order.id(), OrderStatus.CANCELLED, "test", "");
        assertThat(to(client, 2).get(1).getSubject()).isEqualTo("Заявка " + order.number() + ": отменена");
    }

    @Test
    void theSuccessMailOfAnOrderAMonitoringReferredInvitesToReviewThereInTheOrdersLanguage() throws Exception {
        Partner monitoring = PartnerFixtures.partner(partners);
        String review = "https://monitoring.example/reviews/" + from.toLowerCase();
        assertThat(operator().json("PUT", "/api/operator/v1/partners/" + monitoring.id(),
                "{\"reviewUrl\":\"" + review + "\"}").statusCode()).isEqualTo(200);
        Partner plain = PartnerFixtures.partner(partners);

        Order en = referred(monitoring, "en");
        Order ru = referred(monitoring, "ru");
        Order none = referred(plain, "en");
        for (Order o : List.of(en, ru, none)) {
            orders.changeStatus(o.id(), OrderStatus.PAID, "test", "");
        }
        // Only the success mail carries the line; the paid one does not.
        List<MimeMessage> paid = to(client, 6);
        assertThat(paid).hasSize(6).noneSatisfy(m -> assertThat(text(m)).contains(review));
        for (Order o : List.of(en, ru, none)) {
            orders.changeStatus(o.id(), OrderStatus.SUCCESS, "test", "");
        }
        List<MimeMessage> mails = to(client, 9);
        assertThat(mail(mails, "Order " + en.number() + ": completed")).contains("the money was sent to your account")
                .contains("Please leave a review of this exchange on the site that brought you to us: " + review);
        assertThat(mail(mails, "Заявка " + ru.number() + ": выполнена"))
                .contains("Оставьте, пожалуйста, отзыв об обмене на сайте, с которого вы к нам пришли: " + review);
        assertThat(mail(mails, "Order " + none.number() + ": completed")).doesNotContain("review");
    }

    private Order referred(Partner partner, String language) {
        return placement.place(new OrderForm(from, to, "20", "MCN-wallet-1", client, null),
                new OrderClient("192.0.2.7", "UA", "v", new Referral(partner.id(), null, "hash"), language));
    }

    private static String mail(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(m -> {
            try {
                return m.getSubject().equals(subject);
            } catch (Exception e) {
                return false;
            }
        }).map(OrderMailsHttpTest::text).findFirst().orElseThrow(() -> new AssertionError("no mail " + subject));
    }

    @Test
    void theOperatorsHearOfAPayoutRequest() throws Exception {
        RewardFixtures rewards = new RewardFixtures(operator());
        Partner partner = PartnerFixtures.partner(partners);
        rewards.successfulOrder(placement, orders, partner.id(), "4000");
        PayoutMethod method = payouts.methods().stream().filter(m -> m.currencyCode().equals(rewards.usd))
                .findFirst().orElseThrow();
        long id = payouts.request(partner.id(), method.id(), "U1234567");
        assertThat(to("ops@exchanger.test", 10)).extracting(MimeMessage::getSubject)
                .anySatisfy(s -> assertThat(s).startsWith("Payout requested: #" + id));
    }

    @Test
    void anSmtpOutageDelaysTheMailsButLosesNone() throws Exception {
        greenMail.stop();
        String publicId;
        try {
            publicId = order(http(), "50");
            // The order stands and its page opens while no mail can leave.
            assertThat(http().get("/order/" + publicId).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outbox.to(client).stream().anyMatch(m -> m.attempts() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(outbox.to(client)).singleElement().satisfies(m -> {
                assertThat(m.delivered()).isFalse();
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.error()).isNotBlank();
            });
        } finally {
            greenMail = start();
        }
        delivery.deliverDue(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(to(client, 1)).singleElement().satisfies(m ->
                assertThat(text(m)).contains("/order/" + publicId));
        assertThat(outbox.to(client)).singleElement().satisfies(m -> assertThat(m.delivered()).isTrue());
        assertThat(to("ops@exchanger.test", 1)).hasSize(1);
    }

    /** The decoded text of a plain-text mail (quoted-printable or base64 on the wire). */
    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
