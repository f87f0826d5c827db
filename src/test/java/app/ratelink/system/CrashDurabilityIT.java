package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.ratelink.testing.ChildApplication;
import app.ratelink.testing.ChildCatalogue;
import app.ratelink.testing.PostgresTestServer;
import app.ratelink.testing.TestHttp;

/**
 * {@code kill -9} under load loses nothing that was acknowledged. Ratelink runs in a JVM of its own on its
 * default configuration (the default H2 URL of application.properties, or a fresh PostgreSQL database);
 * clients click a partner link, place orders, complete orders and request payouts, and change a setting,
 * each remembering what was answered; the JVM is killed in the middle, started again on the same data, and
 * every acknowledged click, order, status change (ledger credit), payout and setting must be there.
 */
class CrashDurabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("id=\"api-key\"[^>]*>([0-9a-f]+)<");
    private static final Pattern ORDER = Pattern.compile("/order/([A-Za-z0-9_-]+)$");
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    @Test
    @Timeout(value = 240)
    void h2DefaultKeepsEveryAcknowledgedWrite() throws Exception {
        crashAndCheck("h2", List.of());
    }

    @Test
    @Timeout(value = 240)
    void postgresKeepsEveryAcknowledgedWrite() throws Exception {
        crashAndCheck("pg", List.of("--spring.datasource.url=" + PostgresTestServer.newDatabase(),
                "--spring.datasource.username=" + PostgresTestServer.user(), "--spring.datasource.password="));
    }

    private record Shop(String code, String key) {
    }

    private void crashAndCheck(String name, List<String> args) throws Exception {
        Path dir = Path.of("target", "crash", name + "-" + UUID.randomUUID().toString().substring(0, 8));
        try (ChildApplication app = ChildApplication.start(dir, args)) {
            Shop shop = setUp(app.base());

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger clicks = new AtomicInteger();
            Set<String> orders = ConcurrentHashMap.newKeySet();
            Set<String> completed = ConcurrentHashMap.newKeySet();
            Set<Long> payouts = ConcurrentHashMap.newKeySet();
            AtomicLong lastSetting = new AtomicLong(-1);
            AtomicLong triedSetting = new AtomicLong(-1);
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                load.add(start(() -> clicks(app.base(), shop, stop, clicks)));
            }
            load.add(start(() -> orders(app.base(), shop, stop, orders)));
            load.add(start(() -> payouts(app.base(), shop, stop, completed, payouts)));
            load.add(start(() -> settings(app.base(), stop, lastSetting, triedSetting)));

            // Load long enough for every kind of write to have been acknowledged, then kill in the middle of it.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((clicks.get() < 300 || orders.size() < 5 || payouts.size() < 2 || lastSetting.get() < 3)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            app.kill();
            stop.set(true);
            for (Thread t : load) {
                t.join(40_000);
            }
            assertThat(clicks.get()).as("clicks acknowledged before the kill").isGreaterThan(0);
            assertThat(payouts).as("payouts acknowledged before the kill").isNotEmpty();

            app.startAgain();
            TestHttp http = new TestHttp(app.base());

            JsonNode links = api(http, shop, "get_links").get("data").get("items");
            assertThat(links.size()).as("stored clicks vs acknowledged 302s").isGreaterThanOrEqualTo(clicks.get());

            TestHttp operator = operator(app.base());
            for (String order : orders) {
                assertThat(operator.get("/api/operator/v1/orders/" + order).statusCode()).as("order " + order).isEqualTo(200);
            }
            for (String order : completed) {
                HttpResponse<String> r = operator.get("/api/operator/v1/orders/" + order);
                assertThat(JSON.readTree(r.body()).get("status").asString()).as("order " + order).isEqualTo("success");
            }
            JsonNode stored = api(http, shop, "get_payouts").get("data").get("items");
            for (long payout : payouts) {
                assertThat(stored.has(Long.toString(payout))).as("payout " + payout).isTrue();
            }
            // Every credit of a completed order is in the ledger: what was not paid out is still the balance.
            JsonNode info = api(http, shop, "get_info").get("data");
            assertThat(info.get("balance").decimalValue().signum()).as("balance " + info).isGreaterThanOrEqualTo(0);
            long setting = JSON.readTree(operator.get("/api/operator/v1/settings").body()).get("cookieLifetimeDays")
                    .asLong();
            assertThat(setting).as("cookieLifetimeDays").isBetween(lastSetting.get(), triedSetting.get());
        }
    }

    private static Shop setUp(String base) throws Exception {
        TestHttp operator = operator(base);
        ChildCatalogue.dollarToCoin(operator, "CRUSD", "CRBTC");
        ok(operator.json("PUT", "/api/operator/v1/settings", """
                {"minPayout":"0.01","apiRateLimitPerMinute":"100000"}"""));
        String email = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@partners.test";
        HttpResponse<String> created = operator.json("POST", "/api/operator/v1/partners",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
        ok(created);
        String code = JSON.readTree(created.body()).get("code").asString();

        TestHttp cabinet = new TestHttp(base);
        cabinet.get("/login");
        HttpResponse<String> login = cabinet.postForm("/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/account/partner");
        cabinet.get("/account/api");
        HttpResponse<String> page = cabinet.follow(cabinet.postForm("/account/api", Map.of()));
        Matcher m = KEY.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return new Shop(code, m.group(1));
    }

    private static void clicks(String base, Shop shop, AtomicBoolean stop, AtomicInteger acknowledged) {
        TestHttp http = new TestHttp(base).withHeader("User-Agent", UA);
        while (!stop.get()) {
            try {
                // A fresh visitor each time (no cookie jar carried over): every click is a counted one.
                http.cookies().getCookieStore().removeAll();
                HttpResponse<String> r = http.get("/ref/" + shop.code() + "/?cur_from=CRUSD&cur_to=CRBTC");
                if (r.statusCode() == 302 && r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("rl_ref="))) {
                    acknowledged.incrementAndGet();
                }
            } catch (RuntimeException e) {
                return; // the node is gone
            }
        }
    }

    /** Places an order as a client from the partner's link; returns its public id, or null. */
    private static String order(TestHttp client, Shop shop) {
        client.get("/ref/" + shop.code() + "/?cur_from=CRUSD&cur_to=CRBTC");
        client.get("/exchange/CRUSD/CRBTC");
        HttpResponse<String> r = client.postForm("/exchange/CRUSD/CRBTC",
                Map.of("amount", "1000", "account", "bc1qcrashclient", "email", "client@example.test"));
        Matcher m = ORDER.matcher(r.headers().firstValue("Location").orElse(""));
        return r.statusCode() == 302 && m.find() ? m.group(1) : null;
    }

    private static void orders(String base, Shop shop, AtomicBoolean stop, Set<String> acknowledged) {
        while (!stop.get()) {
            try {
                String id = order(new TestHttp(base).withHeader("User-Agent", UA), shop);
                if (id != null) {
                    acknowledged.add(id);
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** Completes orders (the partner is credited) and withdraws the balance through the partner API. */
    private static void payouts(String base, Shop shop, AtomicBoolean stop, Set<String> completed, Set<Long> payouts) {
        TestHttp operator = operator(base);
        TestHttp api = new TestHttp(base);
        while (!stop.get()) {
            try {
                String id = order(new TestHttp(base).withHeader("User-Agent", UA), shop);
                if (id == null) {
                    continue;
                }
                if (operator.json("POST", "/api/operator/v1/orders/" + id + "/status", "{\"status\":\"paid\"}").statusCode() != 200
                        || operator.json("POST", "/api/operator/v1/orders/" + id + "/status",
                        "{\"status\":\"success\"}").statusCode() != 200) {
                    continue;
                }
                completed.add(id);
                JsonNode methods = api(api, shop, "get_info").get("data").get("items");
                String method = methods.propertyNames().iterator().next();
                JsonNode answer = JSON.readTree(api.get("/service/partner/api.php?api_action=pp&api_key=" + shop.key()
                        + "&method=add_payout&method_id=" + method + "&account=U1234567").body());
                if (answer.get("error").asInt() == 0) {
                    payouts.add(answer.get("data").get("payout_id").asLong());
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static void settings(String base, AtomicBoolean stop, AtomicLong acknowledged, AtomicLong tried) {
        TestHttp operator = operator(base);
        for (long days = 10; !stop.get() && days < 3650; days++) {
            try {
                tried.set(days);
                if (operator.json("PUT", "/api/operator/v1/settings", "{\"cookieLifetimeDays\":\"" + days + "\"}")
                        .statusCode() == 200) {
                    acknowledged.set(days);
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static Thread start(Runnable work) {
        Thread t = new Thread(work, "crash-load");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static JsonNode api(TestHttp http, Shop shop, String method) {
        HttpResponse<String> r = http.get("/service/partner/api.php?api_action=pp&api_key=" + shop.key() + "&method=" + method);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode node = JSON.readTree(r.body());
        assertThat(node.get("error").asInt()).as(r.body()).isZero();
        return node;
    }

    private static TestHttp operator(String base) {
        return new TestHttp(base).withHeader("Authorization", "Bearer " + ChildApplication.OPERATOR_TOKEN);
    }

    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }
}
