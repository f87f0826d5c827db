package app.ratelink.rates;

import static app.ratelink.rates.RatesFixture.await;
import static app.ratelink.rates.RatesFixture.feedLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import app.ratelink.testing.TwoNodes;

/**
 * Two nodes on one PostgreSQL database: one polls (the lease holder), both serve the same rates; when the
 * polling node goes away the other takes the lease over once it expires and the rates keep following the
 * source.
 */
class RatesTwoNodesIT {

    private static final String BINANCE = new String(SourceStub.recorded("binance-bookTicker.json"), StandardCharsets.UTF_8);

    static TwoNodes nodes;

    @BeforeAll
    static void startTwoNodes() {
        nodes = TwoNodes.start("rates-two-nodes", 4);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static TestHttp operator(ConfigurableApplicationContext node) {
        return new TestHttp(TwoNodes.base(node)).withHeader("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN);
    }

    static String nodeName(ConfigurableApplicationContext node) {
        return node.getBean(RatePoller.class).node();
    }

    @Test
    void onePollsTheOtherServesTheSameRatesAndTakesOverWhenThePollerDies() {
        ConfigurableApplicationContext a = nodes.a();
        ConfigurableApplicationContext b = nodes.b();
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture onB = new RatesFixture(operator(b));
            String src = RatesFixture.sourceCode("tn");
            onB.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 1, 30, 10).answered(src);
            String[] d = onB.direction("BTC", "USD", src + ":BTCUSDT.bid * 0.99");
            String feed = onB.feed();

            // Exactly one node holds the lease, and both say which.
            String holder = onB.get("/api/operator/v1/rate-poller").replaceAll(".*\"holder\":\"([^\"]+)\".*", "$1");
            assertThat(holder).isIn(nodeName(a), nodeName(b));
            assertThat(a.getBean(RatePoller.class).polling() ^ b.getBean(RatePoller.class).polling()).isTrue();
            ConfigurableApplicationContext poller = holder.equals(nodeName(a)) ? a : b;
            ConfigurableApplicationContext other = poller == a ? b : a;

            binance.answer(BINANCE.replace("\"65000.00000000\"", "\"66000.00000000\""));
            String expected = d[0] + ";" + d[1] + ";1;65340;";
            Duration onPoller = await(Duration.ofSeconds(10),
                    () -> Objects.toString(RatesFixture.feedLineIfServed(new TestHttp(TwoNodes.base(poller)), feed, d[0], d[1])).startsWith(expected));
            Duration onOther = await(Duration.ofSeconds(10),
                    () -> Objects.toString(RatesFixture.feedLineIfServed(new TestHttp(TwoNodes.base(other)), feed, d[0], d[1])).startsWith(expected));
            assertThat(feedLine(new TestHttp(TwoNodes.base(poller)), feed, d[0], d[1]))
                    .isEqualTo(feedLine(new TestHttp(TwoNodes.base(other)), feed, d[0], d[1]));

            // One poller: about one request a second, not two.
            int before = binance.hits();
            sleep(Duration.ofSeconds(3));
            int polls = binance.hits() - before;
            assertThat(polls).isBetween(1, 5);

            poller.close();
            binance.answer(BINANCE.replace("\"65000.00000000\"", "\"67000.00000000\""));
            String afterTakeover = d[0] + ";" + d[1] + ";1;66330;";
            TestHttp survivor = new TestHttp(TwoNodes.base(other));
            Duration takeover = await(Duration.ofSeconds(15),
                    () -> Objects.toString(RatesFixture.feedLineIfServed(survivor, feed, d[0], d[1])).startsWith(afterTakeover));
            assertThat(new RatesFixture(operator(other)).get("/api/operator/v1/rate-poller"))
                    .contains("\"holder\":\"" + nodeName(other) + "\"");
            System.out.printf("Rates: poller's feed %d ms, other node's %d ms after the source changed; %d polls in 3 s;"
                    + " the survivor served the next value %d ms after the poller closed%n", onPoller.toMillis(),
                    onOther.toMillis(), polls, takeover.toMillis());
            // The lease lasts max(interval, 2 s): taken over and polled within 2 x that plus a busy machine's slack.
            assertThat(takeover).isLessThan(Duration.ofSeconds(8));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
