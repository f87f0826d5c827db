package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.testing.TwoNodes;

/**
 * Two application nodes on one PostgreSQL database, as behind a load balancer: a change made through one
 * node (bulk rates, a direction, a profile) is served by the other within a second, byte for byte and
 * with the same validators, so a monitoring's robot may land on either. Maintenance set on one node closes
 * the feeds of both within the settings' one-second cache.
 */
class FeedTwoNodesIT {

    static TwoNodes nodes;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoNodes() {
        nodes = TwoNodes.start("feed-two-nodes", 4);
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static TestHttp operator(ConfigurableApplicationContext node) {
        return new TestHttp(TwoNodes.base(node))
                .withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN);
    }

    static HttpResponse<String> feed(ConfigurableApplicationContext node, String format, String code) {
        try {
            URI uri = URI.create(TwoNodes.base(node) + "/service/export/" + format + "/" + code);
            return CLIENT.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds until the node's file passes the check, polling every 20 ms; fails after 5 s. */
    static long millisUntil(ConfigurableApplicationContext node, String format, String code,
                            Predicate<HttpResponse<String>> check) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> r = feed(node, format, code);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (check.test(r)) {
                return millis;
            }
            assertThat(millis).as("%s of node %s: %s %s", format, node == nodeA ? "A" : "B", r.statusCode(), r.body())
                    .isLessThan(5_000);
            Thread.sleep(20);
        }
    }

    static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aChangeOnEitherNodeIsServedByTheOtherWithinASecond() throws Exception {
        TestHttp a = operator(nodeA);
        TestHttp b = operator(nodeB);
        ok(a.json("PUT", "/api/operator/v1/currencies/TNUSD", """
                {"name":"Two nodes dollar","unit":"USD","scale":2,"reserve":"25000","usdRate":"1","active":true}"""));
        ok(a.json("PUT", "/api/operator/v1/currencies/TNBTC", """
                {"name":"Two nodes coin","unit":"BTC","scale":8,"reserve":"3.5","usdRate":"65000","active":true}"""));
        ok(a.json("PUT", "/api/operator/v1/directions/TNUSD/TNBTC", """
                {"in":"65500","out":"1","minAmount":"10","maxAmount":"5000","profitPercent":"1","active":true}"""));
        ok(a.json("PUT", "/api/operator/v1/feeds/twonodes", "{\"name\":\"Two nodes\",\"enabled\":true}"));

        // A profile created on A: B serves it too.
        long created = millisUntil(nodeB, "txt", "twonodes", r -> r.body().equals("TNUSD;TNBTC;65500;1;3.5;\n"));

        // Bulk rates through B: A shows the new rate and reserve in every format.
        ok(b.json("POST", "/api/operator/v1/rates", "[{\"from\":\"TNUSD\",\"to\":\"TNBTC\",\"in\":\"70000\",\"out\":\"1\",\"reserve\":\"4.25\"}]"));
        assertThat(feed(nodeB, "txt", "twonodes").body()).isEqualTo("TNUSD;TNBTC;70000;1;4.25;\n");
        long rates = millisUntil(nodeA, "txt", "twonodes", r -> r.body().equals("TNUSD;TNBTC;70000;1;4.25;\n"));
        long ratesXml = millisUntil(nodeA, "xml", "twonodes", r -> r.body().contains("<in>70000</in>"));
        long ratesJson = millisUntil(nodeA, "json", "twonodes", r -> r.body().contains("\"xr\":70000"));

        // Same bytes, same tag and date on both nodes: a robot switching nodes gets its 304.
        for (String format : new String[] {"xml", "json", "txt"}) {
            HttpResponse<String> fromA = feed(nodeA, format, "twonodes");
            HttpResponse<String> fromB = feed(nodeB, format, "twonodes");
            assertThat(fromA.body()).isEqualTo(fromB.body());
            assertThat(fromA.headers().firstValue("ETag")).isEqualTo(fromB.headers().firstValue("ETag"));
            assertThat(fromA.headers().firstValue("Last-Modified")).isEqualTo(fromB.headers().firstValue("Last-Modified"));
        }

        // A direction edited on A (now a cash one): B lists it per city.
        ok(a.json("PUT", "/api/operator/v1/directions/TNUSD/TNBTC", "{\"cities\":[\"MSK\",\"SPB\"]}"));
        long direction = millisUntil(nodeB, "txt", "twonodes",
                r -> r.body().equals("TNUSD;TNBTC;70000;1;4.25;MSK;\nTNUSD;TNBTC;70000;1;4.25;SPB;\n"));

        // The profile switched to EREF on B, then disabled on B: A follows.
        ok(b.json("PUT", "/api/operator/v1/feeds/twonodes", "{\"xmlFlavour\":\"eref-1.1\"}"));
        long flavour = millisUntil(nodeA, "xml", "twonodes", r -> r.body().contains("schema/1.1.xsd"));
        ok(b.json("PUT", "/api/operator/v1/feeds/twonodes", "{\"enabled\":false}"));
        long disabled = millisUntil(nodeA, "json", "twonodes", r -> r.statusCode() == 404);

        System.out.printf("Feed seen by the other node after: profile %d ms, bulk rates txt %d / xml %d / json %d ms,"
                + " direction %d ms, flavour %d ms, disabled %d ms%n", created, rates, ratesXml, ratesJson, direction,
                flavour, disabled);
        for (long millis : new long[] {created, rates, ratesXml, ratesJson, direction, flavour, disabled}) {
            assertThat(millis).isLessThan(1_000);
        }
    }

    @Test
    void maintenanceOnOneNodeClosesTheFeedsOfBoth() throws Exception {
        TestHttp a = operator(nodeA);
        ok(a.json("PUT", "/api/operator/v1/feeds/maint", "{\"name\":\"Maintenance\",\"enabled\":true}"));
        millisUntil(nodeB, "xml", "maint", r -> r.statusCode() == 200);
        try {
            ok(a.json("PUT", "/api/operator/v1/settings", "{\"maintenance\":\"true\"}"));
            assertThat(feed(nodeA, "xml", "maint").statusCode()).isEqualTo(503);
            long closed = millisUntil(nodeB, "json", "maint",
                    r -> r.statusCode() == 503 && r.body().equals("{\"error\":\"Maintenance\"}")
                            && r.headers().firstValue("Retry-After").isPresent());
            // Settings are cached for a second on each node (system.Settings).
            assertThat(closed).isLessThan(1_500);
        } finally {
            ok(a.json("PUT", "/api/operator/v1/settings", "{\"maintenance\":\"false\"}"));
        }
        millisUntil(nodeB, "txt", "maint", r -> r.statusCode() == 200);
        assertThat(feed(nodeA, "txt", "maint").statusCode()).isEqualTo(200);
    }
}
