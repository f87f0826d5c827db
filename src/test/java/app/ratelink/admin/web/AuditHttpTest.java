package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.BehindLoopbackProxy;
import app.ratelink.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: a representative change of each kind, through the admin pages and the operator API, is
 * one entry with actor, address, action, target and the fields before → after; the page filters, the API
 * answers {@code [{time, actor, address, action, target, changes}]} newest first.
 */
class AuditHttpTest extends BehindLoopbackProxy {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AdminAccounts accounts;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcClient jdbc;


    @Test
    void everyKindOfChangeIsAuditedWithBeforeAndAfter() {
        String from = TestCatalog.code("QF");
        String to = TestCatalog.code("QT");
        TestCatalog catalog = new TestCatalog(operator()).currency(from, "Audit From", "USD", 2, "1000", "", "")
                .currency(to, "Audit To", "USD", 2, "1000", "", "").direction(from, to, "1", "1", "1", "100", true);
        assertThat(catalog).isNotNull();
        JsonNode created = latest("currency.create", to);
        assertThat(created.get("actor").asText()).isEqualTo("operator API");
        assertThat(created.get("changes").get("name").get("after").asText()).isEqualTo("Audit To");
        assertThat(created.get("changes").get("name").get("before").isNull()).isTrue();

        // Rates in bulk: one entry for the batch.
        HttpResponse<String> rates = operator().json("POST", "/api/operator/v1/rates",
                "[{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"in\":\"1\",\"out\":\"0.97\",\"reserve\":\"500\"}]");
        assertThat(rates.statusCode()).as(rates.body()).isEqualTo(200);
        JsonNode bulk = latest("rates.update", "1 directions");
        assertThat(bulk.get("changes").get(from + "/" + to + " out").get("before").asText()).isEqualTo("1");
        assertThat(bulk.get("changes").get(from + "/" + to + " out").get("after").asText()).isEqualTo("0.97");
        assertThat(bulk.get("changes").get(to + " reserve").get("after").asText()).isEqualTo("500");

        // Through the admin pages, by an operator admin, from its forwarded address.
        String email = AdminFixtures.email("audited");
        TestHttp admin = AdminFixtures.loggedIn(accounts, http().withHeader("X-Forwarded-For", "192.0.2.55"), email,
                AdminRole.OPERATOR);
        admin.get("/admin/settings");
        admin.postForm("/admin/settings", Map.of("orderExpiryMinutes", "41"));
        JsonNode setting = latest("settings.update", "settings");
        assertThat(setting.get("actor").asText()).isEqualTo(email);
        assertThat(setting.get("address").asText()).isEqualTo("192.0.2.55");
        assertThat(setting.get("changes").get("orderExpiryMinutes").get("after").asText()).isEqualTo("41");
        admin.get("/admin/settings");
        admin.postForm("/admin/settings", Map.of("orderExpiryMinutes", "30"));

        Order order = placement.place(new OrderForm(from, to, "10", "acc-9", "audit@example.com", null),
                OrderClient.anonymous());
        admin.get("/admin/orders/" + order.id());
        admin.postForm("/admin/orders/" + order.id() + "/status", Map.of("status", "paid", "comment", "seen", "confirm", "1"));
        JsonNode status = latest("order.status", "order " + order.id());
        assertThat(status.get("changes").get("status").get("before").asText()).isEqualTo("new");
        assertThat(status.get("changes").get("status").get("after").asText()).isEqualTo("paid");
        assertThat(status.get("actor").asText()).isEqualTo(email);

        assertThat(operator().json("PUT", "/api/operator/v1/feeds/audit-" + from.toLowerCase(),
                "{\"name\":\"Audit feed\",\"enabled\":true,\"xmlFlavour\":\"classic\"}").statusCode()).isEqualTo(200);
        assertThat(latest("feed.create", "feed audit-" + from.toLowerCase()).get("changes").get("name").get("after")
                .asText()).isEqualTo("Audit feed");

        HttpResponse<String> partner = operator().json("POST", "/api/operator/v1/partners",
                "{\"email\":\"audit-" + from.toLowerCase() + "@example.com\",\"password\":\"a-long-password-9\"}");
        assertThat(partner.statusCode()).isEqualTo(201);
        long partnerId = JSON.readTree(partner.body()).get("id").asLong();
        assertThat(latest("partner.create", "partner " + partnerId)).isNotNull();
        admin.get("/admin/partners/" + partnerId);
        admin.postForm("/admin/partners/" + partnerId + "/ban", Map.of("confirm", "1"));
        assertThat(latest("partner.ban", "partner " + partnerId).get("changes").get("banned").get("after").asBoolean())
                .isTrue();

        // Admins: the owner adds one; the entry names it.
        TestHttp owner = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("owner"), AdminRole.OWNER);
        String added = AdminFixtures.email("new");
        owner.get("/admin/admins");
        owner.postForm("/admin/admins", Map.of("email", added, "role", "support"));
        assertThat(latest("admin.create", "admin " + added).get("changes").get("role").get("after").asText())
                .isEqualTo("support");

        // The page filters by actor and action; nothing on it changes an entry.
        HttpResponse<String> page = owner.get("/admin/audit?actor=" + email + "&action=order");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("order " + order.id()).doesNotContain("settings.update")
                .doesNotContain("method=\"post\" th:action").doesNotContain("/admin/audit/");
        assertThat(owner.get("/admin/audit?target=" + to + "&from=2000-01-01&to=2999-12-31").body())
                .contains("currency.create");
        assertThat(owner.get("/admin/audit?actor=nobody-at-all").body()).contains("id=\"audit-empty\"");
    }

    @Test
    void theApiAnswersNewestFirstWithTheContractFieldsAndItsFilters() {
        operator().json("PUT", "/api/operator/v1/settings", "{\"orderExpiryMinutes\":\"31\"}");
        operator().json("PUT", "/api/operator/v1/settings", "{\"orderExpiryMinutes\":\"30\"}");
        HttpResponse<String> answer = operator().get("/api/operator/v1/audit?actor=operator%20API&limit=2");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode entries = JSON.readTree(answer.body());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries).hasSize(2);
        JsonNode newest = entries.get(0);
        assertThat(fieldNames(newest)).containsExactly("time", "actor", "address", "action", "target", "changes");
        assertThat(newest.get("changes").get("orderExpiryMinutes").get("after").asText()).isEqualTo("30");
        assertThat(entries.get(1).get("changes").get("orderExpiryMinutes").get("after").asText()).isEqualTo("31");
        assertThat(java.time.Instant.parse(newest.get("time").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(entries.get(1).get("time").asText()));

        assertThat(JSON.readTree(operator().get("/api/operator/v1/audit?from=2999-01-01").body())).isEmpty();
        assertThat(JSON.readTree(operator().get("/api/operator/v1/audit?to=946684800").body())).isEmpty();
        assertThat(operator().get("/api/operator/v1/audit?limit=0").statusCode()).isEqualTo(400);
        assertThat(operator().get("/api/operator/v1/audit?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/operator/v1/audit").statusCode()).isEqualTo(401);
        // No way to alter the trail through the API either.
        assertThat(operator().json("DELETE", "/api/operator/v1/audit", "").statusCode()).isIn(404, 405);
        assertThat(operator().json("PUT", "/api/operator/v1/audit", "[]").statusCode()).isIn(404, 405);
    }

    private JsonNode latest(String action, String target) {
        HttpResponse<String> answer = operator().get("/api/operator/v1/audit?limit=1000");
        for (JsonNode e : JSON.readTree(answer.body())) {
            if (e.get("action").asText().equals(action) && e.get("target").asText().equals(target)) {
                return e;
            }
        }
        throw new AssertionError("no audit entry " + action + " " + target + " in " + answer.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
