package app.ratelink.rates;

import static app.ratelink.rates.RatesFixture.await;
import static app.ratelink.rates.RatesFixture.feedLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.system.MailOutbox;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;

/**
 * Rate sources against local stubs replaying recorded answers: formulas reach the feed, a silent source takes
 * its directions out and back, a jump is held, a bad formula is refused with its error.
 */
class RatesHttpTest extends IntegrationTest {

    private static final String BINANCE = new String(SourceStub.recorded("binance-bookTicker.json"), StandardCharsets.UTF_8);

    @Autowired
    RatePoller poller;
    @Autowired
    Settings settings;
    @Autowired
    MailOutbox outbox;

    private String operatorEmails;

    @AfterEach
    void restoreMailSetting() {
        if (operatorEmails != null) {
            settings.update(Map.of(Setting.OPERATOR_EMAILS, operatorEmails));
        }
    }

    private String mailTo(String address) {
        operatorEmails = settings.get(Setting.OPERATOR_EMAILS);
        settings.update(Map.of(Setting.OPERATOR_EMAILS, address));
        return address;
    }

    @Test
    void aFormulaValueReachesTheFeedWithinOneInterval() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("bn");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 1, 60, 10).answered(src);
            String[] d = rates.direction("BTC", "USD", src + ":BTCUSDT.bid * 0.985");
            String direction = rates.get("/api/operator/v1/directions/" + d[0] + "/" + d[1]);
            assertThat(direction).contains("\"rateFormula\":\"" + src + ":BTCUSDT.bid * 0.985\"", "\"in\":1,\"out\":64025",
                    "\"rateAvailable\":true");
            String feed = rates.feed();
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;64025;");

            binance.answer(BINANCE.replace("\"65000.00000000\"", "\"66000.00000000\""));
            Duration took = await(Duration.ofSeconds(10),
                    () -> Objects.toString(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;65010;"));
            // One interval (1 s) plus the tick and a busy shared machine's slack.
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src))
                    .contains("\"BTCUSDT.bid\":{\"value\":66000", "\"lastError\":null");
        }
    }

    @Test
    void everySourceTypeFeedsItsFormulas() {
        try (SourceStub kraken = SourceStub.replaying("kraken-ticker.json");
             SourceStub cbr = SourceStub.replaying("cbr-daily.xml");
             SourceStub ecb = SourceStub.replaying("ecb-daily.xml");
             SourceStub exchanger = SourceStub.replaying("bestchange-rates.xml");
             SourceStub json = SourceStub.replaying("json-prices.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String kr = RatesFixture.sourceCode("kr");
            String cb = RatesFixture.sourceCode("cb");
            String ec = RatesFixture.sourceCode("ec");
            String ex = RatesFixture.sourceCode("ex");
            String js = RatesFixture.sourceCode("js");
            rates.source(kr, "kraken", kraken.url("/0/public/Ticker"), 1, 60, 10).answered(kr);
            rates.source(cb, "cbr", cbr.url("/scripts/XML_daily.asp"), 1, 60, 10).answered(cb);
            rates.source(ec, "ecb", ecb.url("/stats/eurofxref/eurofxref-daily.xml"), 1, 60, 10).answered(ec);
            rates.source(ex, "bestchange", exchanger.url("/export/xml"), 1, 60, 10).answered(ex);
            HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/rate-sources/" + js, """
                    {"type":"json","url":"%s","intervalSeconds":1,"maxAgeSeconds":60,"maxJumpPercent":10,
                     "jsonPath":"$.data.prices"}""".formatted(json.url("/prices.json")));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            rates.answered(js);

            String[] k = rates.direction("BTC", "USD", kr + ":XXBTZUSD.bid");
            String[] c = rates.direction("USD", "RUB", cb + ":USD * 0.99");
            String[] e = rates.direction("EUR", "USD", ec + ":USD");
            String[] x = rates.direction("BTC", "USD", ex + ":BTC_CASHUSD - 100");
            String[] j = rates.direction("BTC", "RUB", js + ":bitcoin.rub");
            String[] cross = rates.direction("EUR", "RUB", cb + ":USD * " + ec + ":USD");
            String feed = rates.feed();
            TestHttpLines lines = new TestHttpLines(feed);
            assertThat(lines.of(k)).startsWith(k[0] + ";" + k[1] + ";1;64990;");
            assertThat(lines.of(c)).startsWith(c[0] + ";" + c[1] + ";1;91.577079;");
            assertThat(lines.of(e)).startsWith(e[0] + ";" + e[1] + ";1;1.0856;");
            assertThat(lines.of(x)).startsWith(x[0] + ";" + x[1] + ";1;63900;");
            assertThat(lines.of(j)).startsWith(j[0] + ";" + j[1] + ";1;6012345.25;");
            assertThat(lines.of(cross)).startsWith(cross[0] + ";" + cross[1] + ";1;100.42027976;");
            assertThat(rates.get("/api/operator/v1/rate-sources")).contains("\"code\":\"" + cb + "\",\"type\":\"cbr\"",
                    "\"code\":\"" + js + "\",\"type\":\"json\"");
            // A value gets its accepted row at the first poll after a formula names it (within an interval).
            await(Duration.ofSeconds(10), () -> rates.get("/api/operator/v1/rate-sources/" + cb).contains("\"USD\":{\"value\":92.5021"));
        }
    }

    /** The feed lines of one profile, read afresh each time. */
    private final class TestHttpLines {
        private final String feed;

        TestHttpLines(String feed) {
            this.feed = feed;
        }

        String of(String[] d) {
            return Objects.toString(feedLine(http(), feed, d[0], d[1]));
        }
    }

    @Test
    void aSourceThatStopsAnsweringTakesItsDirectionsOutAfterMaxAgeAndBack() {
        String operatorAddress = mailTo(RatesFixture.sourceCode("op") + "@example.com");
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("st");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 1, 3, 10).answered(src);
            String[] d = rates.direction("ETH", "USD", src + ":ETHUSDT.bid");
            String feed = rates.feed();
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;3400.1;");
            assertThat(http().get("/exchange/" + d[0] + "/" + d[1]).body()).doesNotContain("id=\"rate-unavailable\"");

            binance.fail(503);
            await(Duration.ofSeconds(15), () -> feedLine(http(), feed, d[0], d[1]) == null);
            String page = http().get("/exchange/" + d[0] + "/" + d[1]).body();
            assertThat(page).contains("id=\"rate-unavailable\"", "temporarily unavailable");
            assertThat(rates.get("/api/operator/v1/stale-directions"))
                    .contains("{\"from\":\"" + d[0] + "\",\"to\":\"" + d[1] + "\",\"sources\":[\"" + src + "\"]}");
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src)).contains("\"stale\":true", "\"lastError\":\"HTTP 503\"");
            await(Duration.ofSeconds(5), () -> outbox.to(operatorAddress).stream()
                    .anyMatch(m -> m.subject().contains("stopped answering") && m.text().contains(src)));

            binance.answer(BINANCE);
            await(Duration.ofSeconds(15), () -> feedLine(http(), feed, d[0], d[1]) != null);
            assertThat(http().get("/exchange/" + d[0] + "/" + d[1]).body()).doesNotContain("id=\"rate-unavailable\"");
            assertThat(rates.get("/api/operator/v1/stale-directions")).doesNotContain(d[0]);
            await(Duration.ofSeconds(5), () -> outbox.to(operatorAddress).stream().anyMatch(m -> m.subject().contains("answer again")));
        }
    }

    @Test
    void aSilentSourceCountsAsStaleToo() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("si");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 1, 3, 10).answered(src);
            String[] d = rates.direction("BTC", "USD", src + ":BTCUSDT.ask");
            String feed = rates.feed();
            assertThat(feedLine(http(), feed, d[0], d[1])).isNotNull();
            binance.silence();
            await(Duration.ofSeconds(15), () -> feedLine(http(), feed, d[0], d[1]) == null);
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src)).contains("no answer within 1 s");
        }
    }

    @Test
    void aFiftyPercentJumpIsHeldAndAppliedAfterThreeAgreeingPolls() {
        String operatorAddress = mailTo(RatesFixture.sourceCode("op") + "@example.com");
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("jp");
            // An hour's interval: only this test's pollNow calls poll it after the first answer.
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 3600, 7200, 10).answered(src);
            String[] d = rates.direction("BTC", "USD", src + ":BTCUSDT.bid");
            String feed = rates.feed();
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;65000;");

            binance.answer(BINANCE.replace("\"65000.00000000\"", "\"97500.00000000\""));
            poller.pollNow(Set.of(src));
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;65000;");
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src))
                    .contains("\"BTCUSDT.bid\":{\"value\":65000,", "\"held\":97500,\"heldCount\":1");
            assertThat(outbox.to(operatorAddress)).anySatisfy(m -> assertThat(m.text()).contains(src + ":BTCUSDT.bid: 65000 -> 97500"));
            poller.pollNow(Set.of(src));
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;65000;");
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src)).contains("\"heldCount\":2");
            poller.pollNow(Set.of(src));
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;97500;");
            assertThat(rates.get("/api/operator/v1/rate-sources/" + src))
                    .contains("\"BTCUSDT.bid\":{\"value\":97500,", "\"held\":null,\"heldCount\":0");

            // A drop back is a jump again; an admin (here the operator API) accepts it at once.
            binance.answer(BINANCE);
            poller.pollNow(Set.of(src));
            assertThat(feedLine(http(), feed, d[0], d[1])).startsWith(d[0] + ";" + d[1] + ";1;97500;");
            HttpResponse<String> accept = operator().json("POST", "/api/operator/v1/rate-sources/" + src + "/accept", "");
            assertThat(accept.body()).isEqualTo("{\"accepted\":1}");
            await(Duration.ofSeconds(5), () -> Objects.toString(feedLine(http(), feed, d[0], d[1]))
                    .startsWith(d[0] + ";" + d[1] + ";1;65000;"));
        }
    }

    @Test
    void anInvalidFormulaIsRefusedWithItsError() {
        try (SourceStub binance = SourceStub.replaying("binance-bookTicker.json")) {
            RatesFixture rates = new RatesFixture(operator());
            String src = RatesFixture.sourceCode("iv");
            rates.source(src, "binance", binance.url("/api/v3/ticker/bookTicker"), 60, 120, 10).answered(src);
            String[] d = rates.direction("BTC", "USD", null);

            HttpResponse<String> unknown = rates.putDirection(d[0], d[1], "nosuchsource:BTCUSDT.bid * 0.98");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("\"field\":\"rateFormula\"", "unknown rate source 'nosuchsource'");
            HttpResponse<String> syntax = rates.putDirection(d[0], d[1], src + ":BTCUSDT.bid *");
            assertThat(syntax.statusCode()).isEqualTo(400);
            assertThat(syntax.body()).contains("\"field\":\"rateFormula\"", "syntax error at position");
            HttpResponse<String> key = rates.putDirection(d[0], d[1], src + ":BTCUSDX.bid");
            assertThat(key.statusCode()).isEqualTo(400);
            assertThat(key.body()).contains("has no value BTCUSDX.bid");
            // Nothing was changed by the refusals: the manual rate stands.
            assertThat(rates.get("/api/operator/v1/directions/" + d[0] + "/" + d[1]))
                    .contains("\"in\":1,\"out\":1,", "\"rateFormula\":null");
        }
    }

    @Test
    void sourcesAreValidated() {
        RatesFixture rates = new RatesFixture(operator());
        String src = RatesFixture.sourceCode("va");
        assertThat(rates.putSource(src, "bloomberg", "http://127.0.0.1:1/", 5, 60, 10).body())
                .contains("\"field\":\"type\"", "binance, kraken, cbr, ecb, bestchange, json");
        assertThat(rates.putSource(src, "bestchange", "", 5, 60, 10).body()).contains("\"field\":\"url\"");
        assertThat(rates.putSource(src, "binance", "file:///etc/passwd", 5, 60, 10).body()).contains("\"field\":\"url\"");
        assertThat(rates.putSource(src, "binance", "", 0, 60, 10).body()).contains("\"field\":\"intervalSeconds\"");
        assertThat(rates.putSource("Bad_Code", "binance", "", 5, 60, 10).statusCode()).isEqualTo(400);
        HttpResponse<String> defaults = operator().json("PUT", "/api/operator/v1/rate-sources/" + src, "{\"type\":\"cbr\"}");
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(defaults.body()).contains("\"url\":\"https://www.cbr.ru/scripts/XML_daily.asp\"", "\"intervalSeconds\":30",
                "\"maxAgeSeconds\":60", "\"maxJumpPercent\":10", "\"timeoutSeconds\":5");
        // Never polled in a test: the interval is long and the address is not reachable from here anyway.
        operator().json("PUT", "/api/operator/v1/rate-sources/" + src, "{\"url\":\"http://127.0.0.1:9/\",\"intervalSeconds\":86400}");
    }
}
