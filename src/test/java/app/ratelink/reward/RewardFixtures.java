package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.Referral;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.TestHttp;

/**
 * A small catalogue of its own for reward tests: a dollar currency (USD value 1, pays out with a 2 % fee,
 * accounts like U1234567) and a coin worth 50,000 USD, with the direction dollar → coin at a 5 % profit.
 */
public final class RewardFixtures {

    public final String usd = TestCatalog.code("RU");
    public final String coin = TestCatalog.code("RC");

    public RewardFixtures(TestHttp operator) {
        put(operator, "/api/operator/v1/currencies/" + usd, """
                {"name":"Reward dollar %s","unit":"USD","scale":2,"reserve":100000,"usdRate":1,"active":true,
                 "payoutAllowed":true,"payoutFeePercent":2,"paymentInstructions":"Pay","accountPattern":"^U\\\\d{7,8}$"}"""
                .formatted(usd));
        put(operator, "/api/operator/v1/currencies/" + coin, """
                {"name":"Reward coin %s","unit":"BTC","scale":8,"reserve":100,"usdRate":50000,"active":true,
                 "payoutAllowed":false,"payoutFeePercent":0,"paymentInstructions":"Pay","accountPattern":""}"""
                .formatted(coin));
        put(operator, "/api/operator/v1/directions/" + usd + "/" + coin, """
                {"in":50000,"out":1,"minAmount":10,"maxAmount":100000,"profitPercent":5,"flags":[],"cities":[],
                 "active":true}""");
    }

    private static void put(TestHttp operator, String path, String body) {
        HttpResponse<String> r = operator.json("PUT", path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** An order of {@code amount} dollars referred by the partner, placed like the order form does. */
    public Order order(OrderPlacement placement, long partnerId, String amount, String email) {
        return placement.place(new OrderForm(usd, coin, amount, "bc1qclientwallet", email, null),
                new OrderClient("192.0.2.10", "Mozilla/5.0", "visitor", new Referral(partnerId, null, "ab12cd34")));
    }

    /** Such an order, paid and completed: the partner is credited its reward (5 USD per 1000 dollars). */
    public Order successfulOrder(OrderPlacement placement, Orders orders, long partnerId, String amount) {
        Order order = order(placement, partnerId, amount, "client@example.test");
        orders.changeStatus(order.id(), OrderStatus.PAID, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        return order;
    }
}
