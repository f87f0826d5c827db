package app.ratelink.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.PostgresTestServer;
import app.ratelink.testing.Receiver;
import app.ratelink.testing.TestHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ratelink killed with {@code kill -9} while its postbacks are still undelivered (the receiver keeps
 * failing), started again on the same PostgreSQL database: every event reaches the receiver. The node runs
 * as a child JVM, so the kill is a real one: no shutdown hook, no drained queue, a dropped connection.
 */
class PostbackCrashIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");
    private static final Duration START = Duration.ofSeconds(120);

    record Node(Process process, String base) {
    }

    private static Node start(String database, Path folder, String name) throws Exception {
        Path dir = folder.resolve(name);
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "app.ratelink.RatelinkApplication",
                "--spring.profiles.active=test", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestServer.user(), "--spring.datasource.password=",
                "--server.port=0", "--ratelink.data-dir=" + dir, "--spring.jmx.enabled=false",
                "--ratelink.postbacks.first-retry=PT0.3S", "--ratelink.postbacks.longest-retry=PT0.6S",
                "--ratelink.postbacks.poll=PT0.2S", "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<String> port = new CompletableFuture<>();
        Path log = dir.resolve("node.log");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        port.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("node " + name + " ended; see " + log));
        }, "node-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Node(process, "http://localhost:" + port.get(START.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static TestHttp operator(Node node) {
        return new TestHttp(node.base()).withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void undeliveredEventsAreDeliveredAfterAKillAndARestart() throws Exception {
        String database = PostgresTestServer.newDatabase();
        Path folder = Path.of("target", "postback-crash");
        JsonMapper json = JsonMapper.builder().build();
        try (Receiver receiver = Receiver.start().otherwise(500)) {
            Node first = start(database, folder, "first");
            List<String> eventIds = new ArrayList<>();
            try {
                TestHttp operator = operator(first);
                assertThat(operator.json("PUT", "/api/operator/v1/settings", "{\"postbackPrivateAddresses\":\"true\"}")
                        .statusCode()).isEqualTo(200);
                new TestCatalog(operator).pmusdToBtc();
                String email = PartnerFixtures.uniqueEmail("crash");
                HttpResponse<String> created = operator.json("POST", "/api/operator/v1/partners",
                        "{\"email\":\"" + email + "\",\"password\":\"" + PartnerFixtures.PASSWORD + "\"}");
                assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
                String code = json.readTree(created.body()).get("code").asString();

                TestHttp cabinet = PartnerFixtures.login(new TestHttp(first.base()), email);
                cabinet.get("/account/postbacks");
                assertThat(cabinet.postFormList("/account/postbacks", List.of(
                        Map.entry("url", receiver.url("/pb?e={event}&id={event_id}&sub1={sub1}")),
                        Map.entry("method", "GET"), Map.entry("events", "order.created"),
                        Map.entry("events", "order.success"))).statusCode()).isEqualTo(302);

                TestHttp browser = new TestHttp(first.base()).withHeader("User-Agent",
                        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
                assertThat(browser.get("/ref/" + code + "/?cur_from=PMUSD&cur_to=BTC&sub1=crash").statusCode()).isEqualTo(302);
                browser.get("/exchange/PMUSD/BTC");
                HttpResponse<String> placed = browser.postForm("/exchange/PMUSD/BTC",
                        Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
                Matcher m = ORDER_URL.matcher(placed.headers().firstValue("Location").orElseThrow());
                assertThat(m.find()).as(placed.body()).isTrue();
                String id = m.group(1);
                for (String status : List.of("paid", "success")) {
                    HttpResponse<String> moved = operator.json("POST", "/api/operator/v1/orders/" + id + "/status",
                            "{\"status\":\"" + status + "\",\"comment\":\"test\"}");
                    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                }
                // Both events have been tried and refused at least once: they wait in the outbox.
                List<Receiver.Request> tried = receiver.await(2, r -> r.answered() == 500 && "order.success".equals(r.query("e")),
                        Duration.ofSeconds(30));
                assertThat(tried).isNotEmpty();
                for (Receiver.Request r : receiver.requests()) {
                    if (!eventIds.contains(r.query("id"))) {
                        eventIds.add(r.query("id"));
                    }
                }
                assertThat(eventIds).hasSize(2);
            } finally {
                // kill -9: SIGKILL, no shutdown of any kind.
                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(receiver.requests()).allMatch(r -> r.answered() == 500);

            receiver.otherwise(200);
            Node second = start(database, folder, "second");
            try {
                List<Receiver.Request> delivered = receiver.await(2, r -> r.answered() == 200, Duration.ofSeconds(60));
                assertThat(delivered).extracting(r -> r.query("id")).containsExactlyInAnyOrderElementsOf(eventIds);
                assertThat(delivered).extracting(r -> r.query("e")).containsExactlyInAnyOrder("order.created",
                        "order.success");
                assertThat(delivered).extracting(r -> r.query("sub1")).containsOnly("crash");
            } finally {
                second.process().destroyForcibly();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
