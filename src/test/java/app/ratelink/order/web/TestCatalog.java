package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;

import app.ratelink.testing.TestHttp;

/**
 * Puts currencies and directions into the shared test database through the operator API, under codes
 * unique to the calling test (tests share one database).
 */
public final class TestCatalog {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final TestHttp operator;

    public TestCatalog(TestHttp operator) {
        this.operator = operator;
    }

    /** A fresh monitoring-style code: the prefix plus random characters, 10 characters at most. */
    public static String code(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < 9) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    public TestCatalog currency(String code, String name, String unit, int scale, String reserve, String pattern,
                                String instructions) {
        HttpResponse<String> r = operator.json("PUT", "/api/operator/v1/currencies/" + code, """
                {"name":"%s","unit":"%s","scale":%d,"reserve":%s,"usdRate":1,"active":true,"payoutAllowed":false,
                 "payoutFeePercent":0,"paymentInstructions":"%s","accountPattern":"%s"}"""
                .formatted(name, unit, scale, reserve, instructions, pattern.replace("\\", "\\\\")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return this;
    }

    public TestCatalog direction(String from, String to, String in, String out, String min, String max,
                                 boolean active) {
        HttpResponse<String> r = operator.json("PUT", "/api/operator/v1/directions/" + from + "/" + to, """
                {"in":%s,"out":%s,"minAmount":%s,"maxAmount":%s,"profitPercent":2,"flags":["manual"],"cities":[],
                 "active":%s}""".formatted(in, out, min, max, active));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return this;
    }

    /** PMUSD and BTC as the monitoring examples name them, with the direction PMUSD → BTC open. */
    public TestCatalog pmusdToBtc() {
        currency("PMUSD", "Perfect Money USD", "USD", 2, "25000", "^U\\d{7,8}$", "Send to U1234567");
        currency("BTC", "Bitcoin", "BTC", 8, "3.5", "", "Send BTC to bc1qdemo");
        return direction("PMUSD", "BTC", "65500", "1", "10", "5000", true);
    }
}
