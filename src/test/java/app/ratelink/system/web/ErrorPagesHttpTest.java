package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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
    void aRefusedFormIsThe403Page() {
        // Without a CSRF token a post is refused before routing.
        HttpResponse<String> r = http().postFormRaw("/order/nope/paid", Map.of());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("<html lang=\"en\"").contains("Access denied");
        HttpResponse<String> ru = http().withHeader("Accept-Language", "ru").postFormRaw("/order/nope/paid", Map.of());
        assertThat(ru.body()).contains("<html lang=\"ru\"").contains("Доступ запрещён");
    }

    @Test
    void aGetToAPostOnlyAddressIsThe405Page() {
        HttpResponse<String> r = http().get("/order/someorder/paid", "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
        assertThat(r.body()).contains("<html lang=\"en\"").contains("This action is not possible here");
        assertThat(http().get("/order/someorder/paid", "Accept", "application/json").body()).contains("\"status\":405");
    }

    @Test
    void failuresAndMaintenanceHaveTheirPages() {
        HttpResponse<String> failure = http().get("/test/error/500", "Accept", BROWSER, "Accept-Language", "ru");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("<html lang=\"ru\"").contains("У нас что-то сломалось")
                .doesNotContain("Exception").doesNotContain("trace");
        HttpResponse<String> offline = http().get("/test/error/503", "Accept", BROWSER);
        assertThat(offline.statusCode()).isEqualTo(503);
        assertThat(offline.body()).contains("We will be back soon");
        HttpResponse<String> thrown = http().get("/test/error/thrown", "Accept", BROWSER);
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).contains("Something went wrong on our side").doesNotContain("IllegalStateException");
        assertThat(http().get("/test/error/thrown", "Accept", "application/json").body()).contains("\"status\":500");
    }

    /** Pages that fail on purpose: a status sent by a handler, and an exception no handler expected. */
    @TestConfiguration
    static class Failing {
        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    @Controller
    static class FailingController {
        @GetMapping("/test/error/{status}")
        void fail(@PathVariable String status, HttpServletResponse response) throws IOException {
            if ("thrown".equals(status)) {
                throw new IllegalStateException("a bug");
            }
            response.sendError(Integer.parseInt(status));
        }
    }
}
