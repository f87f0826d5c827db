package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ratelink.testing.IntegrationTest;

/**
 * 404, 403, 405, 500 and 503 are pages in the visitor's language for browsers; JSON only for clients that
 * ask for it and for the machine URLs (issue 17).
 */
class ErrorPagesHttpTest extends IntegrationTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aMistypedUrlIsAPageNotSpringJson() {
        HttpResponse<String> r = http().get("/no/such/page", "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<html lang=\"en\"").contains("Page not found").contains("class=\"lang\"")
                .contains("href=\"/no/such/page?lang=ru\"");
        // curl and other clients that accept anything get the page too.
        assertThat(http().get("/no/such/page", "Accept", "*/*").body()).contains("Page not found");
        assertThat(http().get("/no/such/page").body()).contains("Page not found");
    }

    @Test
    void inRussian() {
        HttpResponse<String> r = http().get("/no/such/page", "Accept", BROWSER, "Accept-Language", "ru");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<html lang=\"ru\"").contains("Страница не найдена");
    }

    @Test
    void jsonOnlyForClientsThatAskForIt() {
        HttpResponse<String> r = http().get("/no/such/page", "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(r.body()).contains("\"status\":404");
        HttpResponse<String> api = operator().get("/api/operator/v1/no-such-thing", "Accept", BROWSER);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<html");
    }

    @Test
    void methodNotAllowedIsAPage() {
        HttpResponse<String> r = http().postFormRaw("/order/nope/paid/x", Map.of());
        // Without a CSRF token a post is refused before routing: the 403 page.
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Access denied");
        HttpResponse<String> put = http().json("PUT", "/partners", "{}");
        assertThat(put.statusCode()).isIn(403, 405);
        assertThat(put.body()).contains("<html");
    }

    @Test
    void aGetToAPostOnlyAddressIs405() {
        HttpResponse<String> r = admin().get("/admin/settings/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> m = http().get("/password/reset/x", "Accept", BROWSER);
        assertThat(m.statusCode()).isEqualTo(404);
    }
}
