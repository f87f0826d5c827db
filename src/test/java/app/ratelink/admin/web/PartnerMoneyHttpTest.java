package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Partners' money (issue 22): an operator's adjustment through the operator API and the admin form reaches
 * the balance, the partner's cabinet (with its reason) and {@code get_info} exactly once however often it
 * is posted with the same key; the partner list shows and sorts the figures; the partner page lists the
 * ledger with each entry's order and the payouts.
 */
class PartnerMoneyHttpTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Partners partners;

    @Autowired
    ApiKeys keys;

    @Autowired
    OrderPlacement placement;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    Partner partner;
    String apiKey;
    Order order;

    /** A partner credited 5 USD on a successful 1000-dollar order (5 % profit, the default 10 % of it). */
    @BeforeEach
    void aCreditedPartner() {
        partner = PartnerFixtures.partner(partners);
        apiKey = keys.create(partner.id()).key();
        RewardFixtures fixtures = new RewardFixtures(operator());
        order = fixtures.successfulOrder(placement, orders, partner.id(), "1000");
    }

    BigDecimal infoBalance() {
        HttpResponse<String> r = http().get("/service/partner/api.php?api_action=pp&method=get_info&api_key=" + apiKey);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("data").get("balance").decimalValue();
    }

    HttpResponse<String> adjust(String body) {
        return operator().json("POST", "/api/operator/v1/partners/" + partner.id() + "/adjustments", body);
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void anAdjustmentPostedTwiceWithOneKeyReachesBalanceCabinetAndGetInfoOnce() {
        BigDecimal before = infoBalance();
        assertThat(before).isPositive();
        String key = "goodwill-" + UUID.randomUUID();
        String body = "{\"amount\":12.35,\"reason\":\"Goodwill for the delayed payout\",\"key\":\"" + key + "\"}";

        HttpResponse<String> first = adjust(body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode booked = JSON.readTree(first.body());
        assertThat(booked.get("booked").asBoolean()).isTrue();
        assertThat(booked.get("amount").decimalValue()).isEqualByComparingTo("12.35");
        assertThat(booked.get("balance").decimalValue()).isEqualByComparingTo(before.add(new BigDecimal("12.35")));

        HttpResponse<String> again = adjust(body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("booked").asBoolean()).isFalse();
        assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(booked.get("id").asLong());

        assertThat(infoBalance()).isEqualByComparingTo(before.add(new BigDecimal("12.35")));
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        String page = cabinet.get("/account/payouts").body();
        assertThat(occurrences(page, "Goodwill for the delayed payout")).isEqualTo(1);
        assertThat(page).contains("id=\"adjustments\"").contains("+12.35 USD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'partner.adjustment' AND target = :t")
                .param("t", "partner " + partner.id()).query(Long.class).single()).isEqualTo(1);

        // A debit (chargeback) with another key lowers the balance, exactly.
        HttpResponse<String> debit = adjust("{\"amount\":\"-2.30\",\"reason\":\"Chargeback of order 7\",\"key\":\"cb-"
                + key + "\"}");
        assertThat(debit.statusCode()).as(debit.body()).isEqualTo(201);
        assertThat(infoBalance()).isEqualByComparingTo(before.add(new BigDecimal("10.05")));
    }

    @Test
    void aKeyReusedForAnotherAdjustmentOrABadFieldIsRefusedByName() {
        String key = "k-" + UUID.randomUUID();
        assertThat(adjust("{\"amount\":5,\"reason\":\"Bonus\",\"key\":\"" + key + "\"}").statusCode()).isEqualTo(201);
        assertThat(adjust("{\"amount\":6,\"reason\":\"Bonus\",\"key\":\"" + key + "\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> zero = adjust("{\"amount\":0,\"reason\":\"Bonus\",\"key\":\"z-" + key + "\"}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body()).get("field").asString()).isEqualTo("amount");
        HttpResponse<String> cents = adjust("{\"amount\":1.005,\"reason\":\"Bonus\",\"key\":\"c-" + key + "\"}");
        assertThat(JSON.readTree(cents.body()).get("field").asString()).isEqualTo("amount");
        HttpResponse<String> reason = adjust("{\"amount\":1,\"reason\":\" \",\"key\":\"r-" + key + "\"}");
        assertThat(JSON.readTree(reason.body()).get("field").asString()).isEqualTo("reason");
        HttpResponse<String> noKey = adjust("{\"amount\":1,\"reason\":\"Bonus\"}");
        assertThat(JSON.readTree(noKey.body()).get("field").asString()).isEqualTo("key");
        assertThat(operator().json("POST", "/api/operator/v1/partners/999999999/adjustments",
                "{\"amount\":1,\"reason\":\"Bonus\",\"key\":\"n-" + key + "\"}").statusCode()).isEqualTo(404);
        assertThat(http().json("POST", "/api/operator/v1/partners/" + partner.id() + "/adjustments",
                "{\"amount\":1,\"reason\":\"Bonus\",\"key\":\"u-" + key + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminFormBooksOnceShowsTheLedgerWithItsOrderAndRefusesByField() {
        TestHttp admin = admin();
        HttpResponse<String> money = admin.get("/admin/partners/" + partner.id() + "/money");
        assertThat(money.statusCode()).isEqualTo(200);
        assertThat(money.body()).contains("id=\"ledger\"").contains("/admin/orders/" + order.id() + "\"")
                .contains("data-kind=\"credit\"");
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(money.body());
        assertThat(key.find()).isTrue();
        Map<String, String> form = Map.of("amount", "-1,50", "reason", "Correction of a double credit",
                "key", key.group(1));
        HttpResponse<String> posted = admin.postForm("/admin/partners/" + partner.id() + "/adjustments", form);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(admin.follow(posted).body()).contains("id=\"partner-money\"");
        admin.get("/admin/partners/" + partner.id() + "/money");
        admin.postForm("/admin/partners/" + partner.id() + "/adjustments", form);
        String after = admin.get("/admin/partners/" + partner.id() + "/money").body();
        assertThat(occurrences(after, "Correction of a double credit")).isEqualTo(1);
        assertThat(after).contains("data-kind=\"adjustment\"").contains("id=\"money-adjusted\">-1.5 USD<");

        HttpResponse<String> htmx = admin.get("/admin/partners/" + partner.id() + "/money", "HX-Request", "true");
        assertThat(htmx.body()).contains("id=\"partner-money-block\"").doesNotContain("<html");

        HttpResponse<String> refused = admin.postForm("/admin/partners/" + partner.id() + "/adjustments",
                Map.of("amount", "abc", "reason", "", "key", "k-" + UUID.randomUUID()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"amount-error\"").contains("id=\"reason-error\"");
    }

    @Test
    void thePartnerListShowsAndSortsTheMoneyAndTheLast30Days() {
        Partner rich = PartnerFixtures.partner(partners);
        HttpResponse<String> bonus = operator().json("POST", "/api/operator/v1/partners/" + rich.id() + "/adjustments",
                "{\"amount\":999999.99,\"reason\":\"Top\",\"key\":\"top-" + UUID.randomUUID() + "\"}");
        assertThat(bonus.statusCode()).isEqualTo(201);
        TestHttp admin = admin();
        String byBalance = admin.get("/admin/partners?sort=balance&dir=desc").body();
        assertThat(byBalance).contains("id=\"partners\"");
        int richRow = byBalance.indexOf("data-partner-id=\"" + rich.id() + "\"");
        assertThat(richRow).isPositive();
        assertThat(byBalance.substring(richRow)).contains("999999.99");
        String mine = admin.get("/admin/partners?q=" + partner.email()).body();
        String row = mine.substring(mine.indexOf("data-partner-id=\"" + partner.id() + "\""));
        assertThat(row).contains("partner-balance\" data-label=\"Balance\">5<")
                .contains("partner-earned\" data-label=\"Earned\">5<")
                .contains("partner-orders\" data-label=\"Orders, 30 days\">1<");
        assertThat(admin.get("/admin/partners?sort=clicks&dir=asc").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/partners/" + partner.id()).body()).contains("hx-get=\"/admin/partners/"
                + partner.id() + "/money\"");
    }
}
