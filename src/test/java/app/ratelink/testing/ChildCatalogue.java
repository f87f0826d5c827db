package app.ratelink.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/**
 * The smallest catalogue a test of a {@link ChildApplication} needs to place orders, put through the operator
 * API as an operator would: a dollar, a coin and the direction from one to the other.
 */
public final class ChildCatalogue {

    private ChildCatalogue() {
    }

    /** Currencies {@code dollar} (USD, payouts allowed) and {@code coin} (BTC), and the direction between them. */
    public static void dollarToCoin(TestHttp operator, String dollar, String coin) {
        ok(operator.json("PUT", "/api/operator/v1/currencies/" + dollar, """
                {"name":"Test dollar","unit":"USD","scale":2,"reserve":100000000,"usdRate":1,"active":true,
                 "payoutAllowed":true,"payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":""}"""));
        ok(operator.json("PUT", "/api/operator/v1/currencies/" + coin, """
                {"name":"Test coin","unit":"BTC","scale":8,"reserve":100000,"usdRate":50000,"active":true,
                 "payoutAllowed":false,"payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":""}"""));
        ok(operator.json("PUT", "/api/operator/v1/directions/" + dollar + "/" + coin, """
                {"in":50000,"out":1,"minAmount":10,"maxAmount":100000,"profitPercent":5,"flags":[],"cities":[],
                 "active":true}"""));
    }

    public static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }
}
