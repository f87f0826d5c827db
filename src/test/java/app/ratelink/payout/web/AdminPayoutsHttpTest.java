package app.ratelink.payout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.ratelink.catalog.Catalog;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.OutgoingMail;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** {@code /admin/payouts} and the operator API's payouts, through real HTTP, logins and tokens. */
class AdminPayoutsHttpTest extends IntegrationTest {

    @Autowired OrderPlacement placement;
    @Autowired Orders orders;
    @Autowired Partners partners;
    @Autowired Payouts payouts;
    @Autowired Catalog catalog;
    @Autowired Settings settings;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    RewardFixtures fixtures;
    Partner partner;
    long method;

    @BeforeEach
    void setUp() {
        fixtures = new RewardFixtures(operator());
        partner = PartnerFixtures.partner(partners);
        method = catalog.currency(fixtures.usd).orElseThrow().id();
    }

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.MIN_PAYOUT, Setting.MIN_PAYOUT.defaultValue()));
    }

    /** Earns 10 USD (two orders of 5) and requests it all: a pending payout of 10 USD, 9.8 to pay. */
    private long pendingPayout(Partner p) {
        for (int i = 0; i < 2; i++) {
            fixtures.successfulOrder(placement, orders, p.id(), "1000");
        }
        return payouts.request(p.id(), method, "U1234567");
    }

    private BigDecimal ledgerSum(Partner p) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p")
                .param("p", p.id()).query(BigDecimal.class).single();
    }

    private static String row(String body, long id) {
        int start = body.indexOf("data-payout-id=\"" + id + "\"");
        assertThat(start).as("payout " + id).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private List<OutgoingMail> mailsAbout(Partner p, long payoutId) {
        return outbox.to(p.email()).stream().filter(m -> m.subject().contains("#" + payoutId)).toList();
    }

    @Test
    void theAdminPagesNeedTheAdminLoginAndTheFormsTheCsrfToken() {
        long id = pendingPayout(partner);
        HttpResponse<String> anonymous = http().get("/admin/payouts");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        // A partner's session is no admin's: refused.
        HttpResponse<String> asPartner = cabinet.get("/admin/payouts");
        assertThat(asPartner.statusCode()).isIn(302, 403);
        assertThat(asPartner.body()).doesNotContain("data-payout-id");

        TestHttp admin = admin();
        admin.get("/admin/payouts");
        HttpResponse<String> forged = admin.postFormRaw("/admin/payouts/" + id + "/pay", Map.of("comment", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(payouts.byId(id).orElseThrow().status()).isEqualTo(PayoutStatus.PENDING);
    }

    @Test
    void theAdminListsByStatusPaysAndRejectsWithAComment() {
        long paid = pendingPayout(partner);
        Partner second = PartnerFixtures.partner(partners);
        long rejected = pendingPayout(second);
        TestHttp admin = admin();

        HttpResponse<String> pending = admin.get("/admin/payouts");
        assertThat(pending.statusCode()).isEqualTo(200);
        String row = row(pending.body(), paid);
        assertThat(row).contains(partner.email()).contains("U1234567").contains(">10<").contains("9.8 " + fixtures.usd)
                .contains(">pending<").contains("/admin/payouts/" + paid + "/pay").contains("/admin/payouts/" + paid + "/reject");
        // Newest first.
        assertThat(pending.body().indexOf("data-payout-id=\"" + rejected + "\""))
                .isLessThan(pending.body().indexOf("data-payout-id=\"" + paid + "\""));

        HttpResponse<String> askedPay = admin.postForm("/admin/payouts/" + paid + "/pay", Map.of("comment", "tx 42", "status", "0"));
        assertThat(askedPay.statusCode()).isEqualTo(200);
        assertThat(askedPay.body()).contains("id=\"confirm-form\"").contains("name=\"confirm\" value=\"1\"")
                .contains("name=\"_csrf\"").contains("value=\"tx 42\"").contains("U1234567");
        assertThat(payouts.byId(paid).orElseThrow().status()).isEqualTo(PayoutStatus.PENDING);
        HttpResponse<String> afterPay = admin.follow(admin.postForm("/admin/payouts/" + paid + "/pay",
                Map.of("comment", "tx 42", "status", "0", "confirm", "1")));
        assertThat(afterPay.body()).contains("id=\"payout-message\"").doesNotContain("data-payout-id=\"" + paid + "\"");
        assertThat(payouts.byId(paid).orElseThrow().status()).isEqualTo(PayoutStatus.PAID);
        assertThat(payouts.byId(paid).orElseThrow().comment()).isEqualTo("tx 42");
        assertThat(payouts.byId(paid).orElseThrow().decidedBy()).isEqualTo("admin:admin@test.local");
        assertThat(payouts.totalReceived(partner.id()).amount()).isEqualByComparingTo("10");
        assertThat(mailsAbout(partner, paid)).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("is paid"));

        admin.get("/admin/payouts");
        assertThat(admin.postForm("/admin/payouts/" + rejected + "/reject", Map.of("comment", "Wrong wallet")).body())
                .contains("id=\"confirm-form\"");
        assertThat(payouts.byId(rejected).orElseThrow().status()).isEqualTo(PayoutStatus.PENDING);
        admin.follow(admin.postForm("/admin/payouts/" + rejected + "/reject", Map.of("comment", "Wrong wallet", "confirm", "1")));
        assertThat(payouts.byId(rejected).orElseThrow().status()).isEqualTo(PayoutStatus.REJECTED);
        assertThat(payouts.balance(second.id()).amount()).isEqualByComparingTo("10").isEqualByComparingTo(ledgerSum(second));
        assertThat(mailsAbout(second, rejected)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("rejected");
            assertThat(m.text()).contains("Wrong wallet").contains("10 USD is back on your balance");
        });

        // Deciding twice: a message, nothing changed, no second mail.
        HttpResponse<String> twice = admin.follow(admin.postForm("/admin/payouts/" + rejected + "/pay", Map.of()));
        assertThat(twice.body()).contains("id=\"payout-error\"").contains("is rejected already: nothing was changed");
        assertThat(payouts.byId(rejected).orElseThrow().status()).isEqualTo(PayoutStatus.REJECTED);
        assertThat(mailsAbout(second, rejected)).hasSize(1);

        assertThat(row(admin.get("/admin/payouts?status=1").body(), paid)).contains(">paid<").contains("tx 42")
                .doesNotContain("/pay\"");
        assertThat(admin.get("/admin/payouts?status=1").body()).doesNotContain("data-payout-id=\"" + rejected + "\"");
        assertThat(row(admin.get("/admin/payouts?status=2").body(), rejected)).contains(">rejected<").contains("Wrong wallet");
        String all = admin.get("/admin/payouts?status=all").body();
        assertThat(all).contains("data-payout-id=\"" + paid + "\"").contains("data-payout-id=\"" + rejected + "\"");
        assertThat(admin.postForm("/admin/payouts/987654321/pay", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void theOperatorApiListsNewestFirstByStatus() {
        long first = pendingPayout(partner);
        Partner second = PartnerFixtures.partner(partners);
        long later = pendingPayout(second);
        payouts.cancel(second.id(), later);

        JsonNode all = json.readTree(operator().get("/api/operator/v1/payouts?limit=1000").body());
        List<Long> ids = all.valueStream().map(n -> n.get("id").asLong()).toList();
        assertThat(ids).contains(first, later);
        assertThat(ids.indexOf(later)).isLessThan(ids.indexOf(first));

        JsonNode pending = json.readTree(operator().get("/api/operator/v1/payouts?status=0&limit=1000").body());
        assertThat(pending.valueStream().map(n -> n.get("status").asInt())).containsOnly(0);
        JsonNode mine = pending.valueStream().filter(n -> n.get("id").asLong() == first).findFirst().orElseThrow();
        assertThat(mine.get("partnerId").asLong()).isEqualTo(partner.id());
        assertThat(mine.get("methodId").asLong()).isEqualTo(method);
        assertThat(mine.get("currencyCode").asString()).isEqualTo(fixtures.usd);
        assertThat(mine.get("account").asString()).isEqualTo("U1234567");
        assertThat(mine.get("originalAmount").isNumber()).isTrue();
        assertThat(mine.get("originalAmount").decimalValue()).isEqualByComparingTo("10");
        assertThat(mine.get("payAmount").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(mine.get("statusLabel").asString()).isEqualTo("pending");

        JsonNode cancelled = json.readTree(operator().get("/api/operator/v1/payouts?status=3&limit=1000").body());
        assertThat(cancelled.valueStream().map(n -> n.get("id").asLong())).contains(later).doesNotContain(first);

        for (String bad : List.of("4", "x", "-1")) {
            HttpResponse<String> r = operator().get("/api/operator/v1/payouts?status=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("status");
        }
        assertThat(operator().get("/api/operator/v1/payouts?limit=0").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/operator/v1/payouts").statusCode()).isEqualTo(401);
    }

    @Test
    void theOperatorPaysAndRejectsOnlyPendingPayouts() {
        long paid = pendingPayout(partner);
        HttpResponse<String> pay = operator().json("POST", "/api/operator/v1/payouts/" + paid + "/pay",
                "{\"comment\":\"batch 7\"}");
        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(200);
        JsonNode body = json.readTree(pay.body());
        assertThat(body.get("id").asLong()).isEqualTo(paid);
        assertThat(body.get("status").asInt()).isEqualTo(1);
        assertThat(body.get("comment").asString()).isEqualTo("batch 7");
        assertThat(body.get("decidedBy").asString()).isEqualTo("operator");
        assertThat(body.get("decidedAt").isNull()).isFalse();
        assertThat(payouts.totalReceived(partner.id()).amount()).isEqualByComparingTo("10");
        assertThat(mailsAbout(partner, paid)).singleElement().satisfies(m -> assertThat(m.text()).contains("batch 7"));

        HttpResponse<String> again = operator().json("POST", "/api/operator/v1/payouts/" + paid + "/reject", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(json.readTree(again.body()).get("detail").asString()).contains("not pending");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0").isEqualByComparingTo(ledgerSum(partner));
        assertThat(mailsAbout(partner, paid)).hasSize(1);

        Partner second = PartnerFixtures.partner(partners);
        long rejected = pendingPayout(second);
        assertThat(payouts.balance(second.id()).amount()).isEqualByComparingTo("0");
        HttpResponse<String> reject = operator().json("POST", "/api/operator/v1/payouts/" + rejected + "/reject",
                "{\"comment\":\"Account closed\"}");
        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);
        assertThat(json.readTree(reject.body()).get("status").asInt()).isEqualTo(2);
        assertThat(payouts.balance(second.id()).amount()).isEqualByComparingTo("10").isEqualByComparingTo(ledgerSum(second));
        assertThat(payouts.pending(second.id()).amount()).isEqualByComparingTo("0");
        assertThat(mailsAbout(second, rejected)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("rejected");
            assertThat(m.text()).contains("Account closed");
        });
        // Without a body at all, on a payout that is no longer pending: still a problem document.
        HttpResponse<String> payRejected = operator().json("POST", "/api/operator/v1/payouts/" + rejected + "/pay", "");
        assertThat(payRejected.statusCode()).isEqualTo(409);
        assertThat(payouts.balance(second.id()).amount()).isEqualByComparingTo("10");

        Partner third = PartnerFixtures.partner(partners);
        long cancelled = pendingPayout(third);
        payouts.cancel(third.id(), cancelled);
        assertThat(operator().json("POST", "/api/operator/v1/payouts/" + cancelled + "/pay", "{}").statusCode()).isEqualTo(409);
        assertThat(payouts.balance(third.id()).amount()).isEqualByComparingTo("10");

        HttpResponse<String> unknown = operator().json("POST", "/api/operator/v1/payouts/987654321/pay", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(operator().json("POST", "/api/operator/v1/payouts/987654321/reject", "{}").statusCode()).isEqualTo(404);
        assertThat(http().json("POST", "/api/operator/v1/payouts/" + paid + "/pay", "{}").statusCode()).isEqualTo(401);
    }
}
