package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Admin pages: behind the admin login, and working once logged in. */
class AdminPagesTest extends IntegrationTest {

    @Autowired
    Catalog catalog;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Orders orders;
    @Autowired
    Settings settings;

    private static void assertRedirectsToLogin(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
    }

    @Test
    void everyAdminPageNeedsTheAdminLogin() {
        for (String path : List.of("/admin", "/admin/orders", "/admin/orders/1", "/admin/currencies",
                "/admin/currencies/new", "/admin/directions", "/admin/directions/new", "/admin/settings")) {
            assertRedirectsToLogin(http().get(path));
        }
        TestHttp client = http();
        client.get("/admin/login");
        HttpResponse<String> wrong = client.postForm("/admin/login",
                Map.of("email", "admin@test.local", "password", "wrong"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
        assertRedirectsToLogin(client.get("/admin"));
    }

    @Test
    void dashboardAndOrdersWorkAfterLogin() {
        String from = TestCatalog.code("AF");
        String to = TestCatalog.code("AT");
        new TestCatalog(operator()).currency(from, "Admin From", "USD", 2, "1000", "", "")
                .currency(to, "Admin To", "USD", 2, "1000", "", "").direction(from, to, "1", "1", "1", "100", true);
        Order order = placement.place(new OrderForm(from, to, "10", "acc-1", "a@example.com", null),
                OrderClient.anonymous());

        TestHttp client = admin();
        HttpResponse<String> dashboard = client.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Orders today").contains("id=\"count-new\"").contains("id=\"count-total\"");

        HttpResponse<String> list = client.get("/admin/orders?status=new");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/admin/orders/" + order.id() + "\"");
        assertThat(client.get("/admin/orders?status=success").body()).doesNotContain("/admin/orders/" + order.id() + "\"");

        HttpResponse<String> detail = client.get("/admin/orders/" + order.id());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("id=\"status-form\"").contains("acc-1").contains("Order created");
        // The select never pre-selects a move: an empty, selected placeholder first, and a choice is required.
        assertThat(detail.body()).containsPattern("<select id=\"new-status\" name=\"status\" required[^>]*>\\s*"
                + "<option value=\"\" selected[^>]*>Choose…</option>");
        HttpResponse<String> unchosen = client.follow(client.postForm("/admin/orders/" + order.id() + "/status",
                Map.of("status", "", "comment", "")));
        assertThat(unchosen.body()).contains("Choose the new status first.");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        // Without confirm=1 nothing changes: a page asks, and its form posts the same fields again with confirm=1.
        HttpResponse<String> asked = client.postForm("/admin/orders/" + order.id() + "/status",
                Map.of("status", "paid", "comment", "seen on the wallet"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-form\"").contains("action=\"/admin/orders/" + order.id() + "/status\"")
                .contains("name=\"confirm\" value=\"1\"").contains("name=\"_csrf\"").contains("value=\"seen on the wallet\"")
                .contains("id=\"confirm-question\"").contains("to “paid”");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        HttpResponse<String> changed = client.postForm("/admin/orders/" + order.id() + "/status",
                Map.of("status", "paid", "comment", "seen on the wallet", "confirm", "1"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(client.follow(changed).body()).contains("Status changed to paid").contains("seen on the wallet")
                .contains("admin:admin@test.local");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);

        HttpResponse<String> illegal = client.follow(client.postForm("/admin/orders/" + order.id() + "/status",
                Map.of("status", "new", "comment", "")));
        assertThat(illegal.body()).contains("cannot become new");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(client.get("/admin/orders/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void currenciesAreCreatedAndEditedWithErrorsOnTheForm() {
        TestHttp client = admin();
        String code = TestCatalog.code("AC");
        client.get("/admin/currencies/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("code", code.toLowerCase(), "name", "Admin currency",
                "unit", "usd", "scale", "x", "reserve", "100", "usdRate", "1", "payoutFeePercent", "0",
                "paymentInstructions", "Pay to U1", "accountPattern", "^U\\d+$", "aliases", ""));
        form.put("active", "true");
        form.put("_active", "on");
        form.put("_payoutAllowed", "on");
        HttpResponse<String> bad = client.postForm("/admin/currencies", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"scale-error\"").contains("value=\"Admin currency\"");
        assertThat(catalog.currency(code)).isEmpty();

        form.put("scale", "19");
        assertThat(client.postForm("/admin/currencies", form).body()).contains("id=\"scale-error\"")
                .contains("Enter 0 to 18 decimal places");
        form.put("scale", "2");
        HttpResponse<String> ok = client.postForm("/admin/currencies", form);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(catalog.currency(code)).hasValueSatisfying(c -> {
            assertThat(c.unit()).isEqualTo("USD");
            assertThat(c.active()).isTrue();
            assertThat(c.accountPattern()).isEqualTo("^U\\d+$");
        });
        assertThat(client.get("/admin/currencies").body()).contains(code);

        // Unticking "active" deactivates (the checkbox is absent from the post).
        HttpResponse<String> edit = client.get("/admin/currencies/" + code);
        assertThat(edit.body()).contains("value=\"Admin currency\"");
        form.remove("active");
        form.remove("code");
        assertThat(client.postForm("/admin/currencies/" + code, form).statusCode()).isEqualTo(302);
        assertThat(catalog.currency(code).orElseThrow().active()).isFalse();
    }

    @Test
    void directionsAreCreatedAndEditedWithErrorsOnTheForm() {
        String from = TestCatalog.code("DF");
        String to = TestCatalog.code("DT");
        new TestCatalog(operator()).currency(from, "Dir From", "USD", 2, "1000", "", "")
                .currency(to, "Dir To", "USD", 2, "1000", "", "");
        TestHttp client = admin();
        client.get("/admin/directions/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from);
        form.put("to", to);
        form.put("in", "1");
        form.put("out", "0.95");
        form.put("minAmount", "100");
        form.put("maxAmount", "10");
        form.put("minFee", "");
        form.put("fromFee", "0.5%");
        form.put("toFee", "2");
        form.put("cities", "msk, spb");
        form.put("profitPercent", "3");
        form.put("rewardPercent", "25");
        form.put("rewardFixed", "");
        form.put("active", "true");
        form.put("_active", "on");
        form.put("_flags", "on");
        HttpResponse<String> bad = client.postForm("/admin/directions", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"maxAmount-error\"").contains("Must be at least the minimum amount");
        assertThat(catalog.direction(from, to)).isEmpty();

        form.put("maxAmount", "5000");
        // Spring binds repeated "flags" parameters; TestHttp sends one, enough for the check.
        form.put("flags", "manual");
        HttpResponse<String> ok = client.postForm("/admin/directions", form);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        Direction d = catalog.direction(from, to).orElseThrow();
        assertThat(d.maxAmount()).isEqualByComparingTo("5000");
        assertThat(d.fromFee().percent()).isTrue();
        assertThat(d.toFee().value()).isEqualByComparingTo("2");
        assertThat(d.flags()).containsExactly(DirectionFlag.MANUAL);
        assertThat(d.cities()).containsExactly("MSK", "SPB");
        assertThat(d.rewardPercent()).isEqualByComparingTo("25");

        // Editing: emptied fee and reward override are removed, unticked flags and active are cleared.
        form.remove("flags");
        form.remove("active");
        form.put("fromFee", "");
        form.put("rewardPercent", "");
        assertThat(client.get("/admin/directions/" + from + "/" + to).body()).contains("value=\"0.5%\"");
        assertThat(client.postForm("/admin/directions/" + from + "/" + to, form).statusCode()).isEqualTo(302);
        d = catalog.direction(from, to).orElseThrow();
        assertThat(d.fromFee()).isNull();
        assertThat(d.rewardPercent()).isNull();
        assertThat(d.flags()).isEmpty();
        assertThat(d.active()).isFalse();
    }

    @Test
    void settingsAreListedWithDescriptionsAndValidated() {
        TestHttp client = admin();
        HttpResponse<String> page = client.get("/admin/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        for (Setting s : Setting.values()) {
            // Every setting under a label in the operator's words with a line of help, not under its API name.
            assertThat(page.body()).contains("name=\"" + s.key() + "\"").contains("id=\"" + s.key() + "-help\"")
                    .doesNotContain("<label for=\"" + s.key() + "\">" + s.key() + "</label>");
        }
        assertThat(page.body()).contains(">Cookie lifetime<").contains(">days<").contains(">Minimum payout<");
        String before = settings.get(Setting.COOKIE_LIFETIME_DAYS);
        HttpResponse<String> bad = client.postForm("/admin/settings",
                Map.of("timeZone", "Mars/Base", "cookieLifetimeDays", "30"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"timeZone-error\"").contains("value=\"Mars/Base\"");
        assertThat(settings.get(Setting.COOKIE_LIFETIME_DAYS)).isEqualTo(before);

        client.get("/admin/settings");
        HttpResponse<String> ok = client.postForm("/admin/settings", Map.of("orderExpiryMinutes", "45"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(settings.get(Setting.ORDER_EXPIRY_MINUTES)).isEqualTo("45");
        client.get("/admin/settings");
        client.postForm("/admin/settings", Map.of("orderExpiryMinutes", "30"));
        assertThat(settings.get(Setting.ORDER_EXPIRY_MINUTES)).isEqualTo("30");
    }
}
