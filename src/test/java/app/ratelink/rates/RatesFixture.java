package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.TestHttp;

/** Rate sources, formula directions and a feed of their own, through the operator API of one node. */
public final class RatesFixture {

    private final TestHttp operator;
    private final List<String> feedDirections = new ArrayList<>();

    public RatesFixture(TestHttp operator) {
        this.operator = operator;
    }

    /** A source code unique to the calling test. */
    public static String sourceCode(String prefix) {
        return (prefix + TestCatalog.code("")).toLowerCase(Locale.ROOT);
    }

    public HttpResponse<String> putSource(String code, String type, String url, int intervalSeconds, int maxAgeSeconds,
                                          int maxJumpPercent) {
        return operator.json("PUT", "/api/operator/v1/rate-sources/" + code, """
                {"type":"%s","url":"%s","intervalSeconds":%d,"maxAgeSeconds":%d,"maxJumpPercent":%d,"timeoutSeconds":1}"""
                .formatted(type, url, intervalSeconds, maxAgeSeconds, maxJumpPercent));
    }

    public RatesFixture source(String code, String type, String url, int intervalSeconds, int maxAgeSeconds,
                               int maxJumpPercent) {
        HttpResponse<String> r = putSource(code, type, url, intervalSeconds, maxAgeSeconds, maxJumpPercent);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return this;
    }

    public String get(String path) {
        HttpResponse<String> r = operator.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Waits for the source's first good answer. */
    public RatesFixture answered(String code) {
        await(Duration.ofSeconds(15), () -> !get("/api/operator/v1/rate-sources/" + code).contains("\"lastSuccessAt\":null"));
        return this;
    }

    /** Two currencies and a direction between them, with a rate formula (or none), listed in this fixture's feed. */
    public String[] direction(String fromUnit, String toUnit, String formula) {
        String from = TestCatalog.code("R" + fromUnit.charAt(0));
        String to = TestCatalog.code("R" + toUnit.charAt(0));
        TestCatalog catalog = new TestCatalog(operator);
        catalog.currency(from, "Rate " + fromUnit, fromUnit, 8, "1000000", "", "Pay");
        catalog.currency(to, "Rate " + toUnit, toUnit, 2, "100000000", "", "Pay");
        HttpResponse<String> r = putDirection(from, to, formula);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        feedDirections.add(from + "-" + to);
        return new String[] {from, to};
    }

    public HttpResponse<String> putDirection(String from, String to, String formula) {
        return operator.json("PUT", "/api/operator/v1/directions/" + from + "/" + to, """
                {"in":1,"out":1,"minAmount":0.0001,"maxAmount":100,"profitPercent":2,"flags":[],"cities":[],
                 "active":true%s}""".formatted(formula == null ? "" : ",\"rateFormula\":\"" + formula + "\""));
    }

    /** A feed profile listing this fixture's directions; returns its code. */
    public String feed() {
        String code = sourceCode("f");
        HttpResponse<String> put = operator.json("PUT", "/api/operator/v1/feeds/" + code, """
                {"name":"Rates test","enabled":true,"xmlFlavour":"classic","directions":[%s]}"""
                .formatted(String.join(",", feedDirections.stream().map(d -> "\"" + d + "\"").toList())));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return code;
    }

    public static String feedLine(TestHttp http, String feed, String from, String to) {
        HttpResponse<String> r = http.get("/service/export/txt/" + feed);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().lines().filter(l -> l.startsWith(from + ";" + to + ";")).findFirst().orElse(null);
    }

    /** The line, or null while the node does not serve the feed yet (a profile made on another node). */
    public static String feedLineIfServed(TestHttp http, String feed, String from, String to) {
        HttpResponse<String> r = http.get("/service/export/txt/" + feed);
        return r.statusCode() != 200 ? null
                : r.body().lines().filter(l -> l.startsWith(from + ";" + to + ";")).findFirst().orElse(null);
    }

    /** Waits until the condition holds; returns how long that took. */
    public static Duration await(Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
