package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The page language (issue 17): {@code ?lang=} kept in a cookie, else Accept-Language, else the operator's
 * {@code defaultLanguage}; {@code <html lang>}, the header's switch and the hreflang alternates follow; machine
 * answers never change with it.
 */
class LanguageHttpTest extends IntegrationTest {

    private static final String RU = "Accept-Language";

    @Test
    void acceptLanguageRuGivesTheRussianHomePage() {
        HttpResponse<String> home = http().get("/", RU, "ru-RU,ru;q=0.9,en;q=0.8");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"ru\"").contains("Что хотите обменять?")
                .doesNotContain("What do you want to exchange?");
    }

    @Test
    void withoutAnyWishThePageIsEnglish() {
        HttpResponse<String> home = http().get("/");
        assertThat(home.body()).contains("<html lang=\"en\"").contains("What do you want to exchange?");
        // A language we do not speak falls through to the next one the browser accepts, then to the default.
        assertThat(http().get("/", RU, "de-DE,de;q=0.9,ru;q=0.5").body()).contains("<html lang=\"ru\"");
        assertThat(http().get("/", RU, "de-DE,fr;q=0.5").body()).contains("<html lang=\"en\"");
    }

    @Test
    void langParameterSwitchesAndSticks() {
        TestHttp browser = http();
        HttpResponse<String> chosen = browser.get("/?lang=ru", RU, "en");
        assertThat(chosen.body()).contains("<html lang=\"ru\"");
        assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lang=ru"));
        // The cookie wins over the browser's header from now on.
        assertThat(browser.get("/partners", RU, "en").body()).contains("<html lang=\"ru\"");
        assertThat(browser.get("/login", RU, "en").body()).contains("<html lang=\"ru\"");

        assertThat(browser.get("/login?lang=en", RU, "ru").body()).contains("<html lang=\"en\"");
        assertThat(browser.get("/", RU, "ru").body()).contains("<html lang=\"en\"")
                .contains("What do you want to exchange?");
    }

    @Test
    void anUnknownLangIsIgnored() {
        HttpResponse<String> r = http().get("/?lang=xx", RU, "ru");
        assertThat(r.body()).contains("<html lang=\"ru\"");
        assertThat(r.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("lang="));
    }

    @Test
    void everyHeaderHasTheSwitchAndPublicPagesTheirAlternates() {
        String home = http().get("/?give=PMUSD").body();
        assertThat(home).contains("class=\"lang\"").contains("href=\"/?give=PMUSD&amp;lang=ru\"")
                .contains("href=\"/?give=PMUSD&amp;lang=en\"").contains(">Русский<").contains(">English<");
        assertThat(home).containsPattern("<link rel=\"alternate\" href=\"http://[^\"]+/\\?give=PMUSD&amp;lang=ru\" hreflang=\"ru\">")
                .containsPattern("<link rel=\"alternate\" href=\"http://[^\"]+/\\?give=PMUSD\" hreflang=\"x-default\">");
        assertThat(admin().get("/admin").body()).contains("class=\"lang\"").contains("href=\"/admin?lang=ru\"");
    }

    @Test
    void theOperatorChoosesTheDefaultLanguage() {
        try {
            HttpResponse<String> set = operator().json("PUT", "/api/operator/v1/settings", "{\"defaultLanguage\":\"ru\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(http().get("/").body()).contains("<html lang=\"ru\"");
            // The visitor's own wish still wins.
            assertThat(http().get("/", RU, "en-GB").body()).contains("<html lang=\"en\"");
            assertThat(operator().json("PUT", "/api/operator/v1/settings", "{\"defaultLanguage\":\"xx\"}").statusCode())
                    .isEqualTo(400);
        } finally {
            operator().json("PUT", "/api/operator/v1/settings", "{\"defaultLanguage\":\"en\"}");
        }
    }

    @Test
    void machineAnswersDoNotChangeWithTheLanguage() {
        String en = http().get("/service/partner/api.php?api_action=pp&api_key=nope&method=get_info").body();
        String ru = http().get("/service/partner/api.php?api_action=pp&api_key=nope&method=get_info&lang=ru",
                RU, "ru").body();
        assertThat(ru).isEqualTo(en).contains("REST API key error");
        HttpResponse<String> api = operator().get("/api/operator/v1/orders/999999999", RU, "ru");
        assertThat(api.body()).doesNotContain("Заявка");
        assertThat(http().get("/service/partner/api.php?lang=ru").headers().allValues("Set-Cookie"))
                .noneSatisfy(c -> assertThat(c).startsWith("lang="));
    }
}
