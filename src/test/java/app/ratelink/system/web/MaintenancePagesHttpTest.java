package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Maintenance mode closes the public pages with a styled 503; the admin stays open to switch it off. */
class MaintenancePagesHttpTest extends IntegrationTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired Settings settings;

    @AfterEach
    void open() {
        settings.update(Map.of(Setting.MAINTENANCE, "false"));
    }

    @Test
    void publicPagesAnswer503InTheReadersLanguageWhileTheAdminWorks() {
        TestHttp admin = admin();
        settings.update(Map.of(Setting.MAINTENANCE, "true"));

        HttpResponse<String> home = http().get("/", "Accept", BROWSER, "Accept-Language", "ru");
        assertThat(home.statusCode()).isEqualTo(503);
        assertThat(home.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(home.body()).contains("<html lang=\"ru\"").contains("Скоро вернёмся")
                .contains("На сайте идут технические работы");

        HttpResponse<String> exchange = http().get("/exchange/PMUSD/BTC?lang=en", "Accept", BROWSER);
        assertThat(exchange.statusCode()).isEqualTo(503);
        assertThat(exchange.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(exchange.body()).contains("<html lang=\"en\"").contains("We will be back soon");

        assertThat(http().get("/login").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/settings").statusCode()).isEqualTo(200);

        settings.update(Map.of(Setting.MAINTENANCE, "false"));
        assertThat(http().get("/").statusCode()).isEqualTo(200);
    }
}
