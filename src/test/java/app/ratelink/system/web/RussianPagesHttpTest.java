package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.OutgoingMail;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * A Russian-speaking browser ({@code Accept-Language: ru}) reads every kind of page in Russian with
 * {@code <html lang="ru">}, and the mails it triggers are Russian too (issue 17).
 */
class RussianPagesHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;

    @Autowired
    MailOutbox outbox;

    String from;
    String to;

    @BeforeEach
    void direction() {
        from = TestCatalog.code("RF");
        to = TestCatalog.code("RT");
        new TestCatalog(operator())
                .currency(from, "Рубли " + from, "RUB", 2, "1000000", "", "Переведите на карту 2200 0000 0000 0000")
                .currency(to, "Монета " + to, "BTC", 8, "12.5", "", "")
                .direction(from, to, "6500000.5", "1", "1000", "5000000", true);
    }

    private TestHttp russian() {
        return http().withHeader("Accept-Language", "ru-RU,ru;q=0.9");
    }

    @Test
    void publicPagesAndTheOrderAreRussian() {
        TestHttp client = russian();
        String home = client.get("/").body();
        assertThat(home).contains("<html lang=\"ru\"").contains("Что хотите обменять?").contains("Все направления");

        HttpResponse<String> page = client.get("/exchange/" + from + "/" + to);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\"").contains("Создать заявку").contains("Резерв")
                // Numbers in the reader's language: decimal comma, grouped thousands.
                .containsPattern("6[\\s\\u00a0\\u202f]500[\\s\\u00a0\\u202f]000,5 " + from);

        HttpResponse<String> created = client.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", "1300000", "account", "bc1qrussian", "email", "klient@example.ru"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String order = client.follow(created).body();
        assertThat(order).contains("<html lang=\"ru\"").contains("Ваша заявка").contains(">новая<")
                .contains("Как оплатить").contains("Я оплатил")
                // The history's first entry is the application's own words, not the stored "order created".
                .contains("Заявка создана").doesNotContain("order created");
    }

    @Test
    void theOrderFormSpeaksRussian() {
        TestHttp client = russian();
        client.get("/exchange/" + from + "/" + to);
        String refused = client.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", "5", "account", "", "email", "nope")).body();
        assertThat(refused).contains("<html lang=\"ru\"").contains("id=\"amount-error\"").contains("id=\"email-error\"")
                .doesNotContain("The minimum is").doesNotContain("Enter a valid e-mail");
    }

    @Test
    void loginCabinetAndAdminAreRussian() {
        assertThat(russian().get("/login").body()).contains("<html lang=\"ru\"").contains("Вход для партнёров");
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(russian(), partner.email());
        String program = cabinet.get("/account/partner").body();
        assertThat(program).contains("<html lang=\"ru\"").contains("Ваша партнёрская ссылка");
        assertThat(cabinet.get("/account/payouts").body()).contains("Заказать выплату");
        assertThat(cabinet.get("/account/api").body()).contains("Создать доступ к API");

        String dashboard = admin().withHeader("Accept-Language", "ru").get("/admin").body();
        assertThat(dashboard).contains("<html lang=\"ru\"")
                // Order statuses by their Russian names, not their codes.
                .contains(">новая<").contains(">выполнена<").doesNotContain("stat-label\">new<");
    }

    @Test
    void mailsAreInTheLanguageOfWhoeverTriggeredThem() {
        String email = PartnerFixtures.uniqueEmail("ru");
        TestHttp client = russian();
        client.get("/register");
        HttpResponse<String> registered = client.postForm("/register",
                Map.of("email", email, "password", PartnerFixtures.PASSWORD, "passwordAgain", PartnerFixtures.PASSWORD));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        OutgoingMail confirmation = mailTo(email);
        assertThat(confirmation.subject()).isEqualTo("Подтвердите партнёрский аккаунт Ratelink");
        assertThat(confirmation.text()).contains("Добро пожаловать").contains("/register/confirm?token=");
        // The language is kept on the partner, for the mails it does not trigger itself (payout decisions).
        long id = partners.byEmail(email).orElseThrow().id();
        assertThat(partners.language(id)).contains(Locale.forLanguageTag("ru"));

        String english = PartnerFixtures.uniqueEmail("en");
        TestHttp other = http();
        other.get("/register");
        other.postForm("/register", Map.of("email", english, "password", PartnerFixtures.PASSWORD,
                "passwordAgain", PartnerFixtures.PASSWORD));
        assertThat(mailTo(english).subject()).isEqualTo("Confirm your Ratelink partner account");
    }

    @Test
    void thePartnersChoiceInTheCabinetIsKept() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        assertThat(cabinet.get("/account/profile?lang=ru").body()).contains("<html lang=\"ru\"").contains("Русский");
        assertThat(partners.language(partner.id())).contains(Locale.forLanguageTag("ru"));
        cabinet.get("/account/partner?lang=en");
        assertThat(partners.language(partner.id())).contains(Locale.ENGLISH);
    }

    private OutgoingMail mailTo(String email) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<OutgoingMail> mails = outbox.to(email);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + email);
    }
}
