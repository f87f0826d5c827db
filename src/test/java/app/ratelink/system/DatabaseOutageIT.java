package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import app.ratelink.RatelinkApplication;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.PrivatePostgres;
import app.ratelink.testing.TestHttp;

/**
 * The database goes away under a running node (a private PostgreSQL cluster, stopped by the test): the site,
 * both APIs and the feeds answer 503 with Retry-After within 3 s, health and readiness say DOWN, a partner
 * link still redirects; the cluster comes back and everything answers again without restarting Ratelink.
 */
class DatabaseOutageIT {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(240)
    void outageIsAnswered503WithinThreeSecondsAndRecoveredFromWithoutARestart() throws Exception {
        Assumptions.assumeTrue(PrivatePostgres.binaries().isPresent(), "Debian's PostgreSQL binaries");
        try (PrivatePostgres pg = PrivatePostgres.start();
             ConfigurableApplicationContext node = new SpringApplicationBuilder(RatelinkApplication.class)
                     .profiles("test").run("--spring.datasource.url=" + pg.url(),
                             "--spring.datasource.username=" + pg.user(), "--spring.datasource.password=",
                             "--server.port=0", "--ratelink.data-dir=" + Path.of("target", "outage"),
                             "--spring.jmx.enabled=false")) {
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
            TestHttp operator = new TestHttp(base).withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN);
            new TestCatalog(operator).pmusdToBtc();
            assertThat(operator.json("PUT", "/api/operator/v1/feeds/outage",
                    "{\"name\":\"Outage\",\"enabled\":true,\"xmlFlavour\":\"classic\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> partner = operator.json("POST", "/api/operator/v1/partners",
                    "{\"email\":\"outage@partners.test\",\"password\":\"correct horse battery\"}");
            assertThat(partner.statusCode()).isBetween(200, 201);
            String code = JSON.readTree(partner.body()).get("code").asString();
            TestHttp http = new TestHttp(base);
            assertThat(http.get("/").statusCode()).isEqualTo(200);
            assertThat(http.get("/service/export/xml/outage").statusCode()).isEqualTo(200);

            pg.stop();

            HttpResponse<String> page = timed(() -> http.get("/exchange/PMUSD/BTC"));
            assertUnavailable(page, "text/html");
            assertThat(page.body()).contains("id=\"error-message\"");
            assertUnavailable(timed(() -> http.get("/")), "text/html");
            assertUnavailable(timed(() -> http.get("/login")), "text/html");
            HttpResponse<String> api = timed(() -> operator.get("/api/operator/v1/orders"));
            assertUnavailable(api, "application/problem+json");
            assertThat(JSON.readTree(api.body()).get("status").asInt()).isEqualTo(503);
            HttpResponse<String> partnerApi = timed(() -> http.get("/service/partner/api.php?api_action=pp&api_key="
                    + "0".repeat(44) + "&method=get_info"));
            assertUnavailable(partnerApi, "application/json");
            assertThat(partnerApi.body()).isEqualTo("{\"status\":\"error\",\"error\":1,\"error_text\":\"Api disabled\",\"data\":{}}");
            HttpResponse<String> feed = timed(() -> http.get("/service/export/xml/outage"));
            assertUnavailable(feed, "application/xml");
            assertThat(feed.body()).contains("<error>Maintenance</error>");
            HttpResponse<String> health = timed(() -> http.get("/actuator/health"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
            HttpResponse<String> readiness = timed(() -> http.get("/actuator/health/readiness"));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            // A client from a monitoring still lands (its click cannot be stored).
            HttpResponse<String> click = timed(() -> http.get("/ref/" + code + "/?cur_from=PMUSD&cur_to=BTC"));
            assertThat(click.statusCode()).isEqualTo(302);
            assertThat(click.headers().firstValue("Location").orElseThrow()).endsWith("/exchange/PMUSD/BTC");

            pg.startAgain();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (http.get("/exchange/PMUSD/BTC").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(http.get("/exchange/PMUSD/BTC").statusCode()).isEqualTo(200);
            assertThat(operator.get("/api/operator/v1/orders").statusCode()).isEqualTo(200);
            assertThat(http.get("/service/export/xml/outage").statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/health").body()).contains("UP");
            assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
            HttpResponse<String> clickAgain = http.get("/ref/" + code + "/?cur_from=PMUSD&cur_to=BTC", "User-Agent",
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
            assertThat(clickAgain.statusCode()).isEqualTo(302);
            assertThat(clickAgain.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("rl_ref="));
        }
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> r = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answer time of %s", r.uri()).isLessThan(LIMIT);
        return r;
    }

    private static void assertUnavailable(HttpResponse<String> r, String contentType) {
        assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as("Retry-After of %s", r.uri()).isPresent();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as("Content-Type of %s", r.uri()).startsWith(contentType);
    }
}
