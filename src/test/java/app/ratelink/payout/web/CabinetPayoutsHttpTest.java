package app.ratelink.payout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.catalog.Catalog;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Cabinet → Payouts through real HTTP, the partner's form login and CSRF. */
class CabinetPayoutsHttpTest extends IntegrationTest {

    static final String NOT_ENOUGH = "Error! There is not enough money on your balance";
    static final String INVALID_ACCOUNT = "Error! Invalid wallet account";
    static final String NOT_ALLOWED = "Error! Selected currency can not be ordered payment";

    @Autowired OrderPlacement placement;
    @Autowired Orders orders;
    @Autowired Partners partners;
    @Autowired Payouts payouts;
    @Autowired Catalog catalog;
    @Autowired Settings settings;
    @Autowired JdbcClient jdbc;

    RewardFixtures fixtures;
    Partner partner;
    long usdMethod;
    long coinId;

    @BeforeEach
    void setUp() {
        fixtures = new RewardFixtures(operator());
        partner = PartnerFixtures.partner(partners);
        usdMethod = catalog.currency(fixtures.usd).orElseThrow().id();
        coinId = catalog.currency(fixtures.coin).orElseThrow().id();
    }

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.MIN_PAYOUT, Setting.MIN_PAYOUT.defaultValue()));
    }

    /** 1000 dollars × 5 % profit × 10 % = 5 USD credited per order. */
    private void earn(Partner p, int orders5Usd) {
        for (int i = 0; i < orders5Usd; i++) {
            fixtures.successfulOrder(placement, orders, p.id(), "1000");
        }
    }

    private TestHttp cabinet(Partner p) {
        return PartnerFixtures.login(http(), p.email());
    }

    private static String text(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
        assertThat(m.find()).as(id + " in " + body).isTrue();
        return m.group(1).trim();
    }

    /** A refused request shows the form again (200), every error next to its field, and keeps what was typed. */
    private HttpResponse<String> refused(TestHttp cabinet, String method, String account) {
        cabinet.get("/account/payouts");
        HttpResponse<String> posted = cabinet.postForm("/account/payouts", Map.of("method", method, "account", account));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("id=\"payout-form\"");
        return posted;
    }

    private HttpResponse<String> request(TestHttp cabinet, String method, String account) {
        cabinet.get("/account/payouts");
        HttpResponse<String> posted = cabinet.postForm("/account/payouts", Map.of("method", method, "account", account));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/account/payouts");
        return cabinet.follow(posted);
    }

    private long payoutsOf(Partner p) {
        return jdbc.sql("SELECT COUNT(*) FROM payouts WHERE partner_id = :p").param("p", p.id()).query(Long.class).single();
    }

    @Test
    void cabinetPagesNeedThePartnerLoginAndFormsTheCsrfToken() {
        for (String path : List.of("/account/payouts", "/account/exchanges", "/account/exchanges.csv")) {
            HttpResponse<String> r = http().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
        earn(partner, 2);
        TestHttp cabinet = cabinet(partner);
        HttpResponse<String> forged = cabinet.postFormRaw("/account/payouts",
                Map.of("method", Long.toString(usdMethod), "account", "U1234567"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(payoutsOf(partner)).isZero();
    }

    @Test
    void thePageShowsBalanceTotalsMinimumAndWhatEachMethodWouldPay() {
        earn(partner, 2);
        HttpResponse<String> page = cabinet(partner).get("/account/payouts");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(text(body, "balance")).isEqualTo("10 USD");
        assertThat(text(body, "total-received")).isEqualTo("0 USD");
        assertThat(text(body, "pending")).isEqualTo("0 USD");
        assertThat(text(body, "min-payout")).isEqualTo("10 USD");
        // The dollar method: 2 % fee, so the whole balance of 10 USD pays 9.8 of it; the coin pays out nothing.
        Matcher row = Pattern.compile("data-method-id=\"" + usdMethod + "\">\\s*<td>([^<]*)</td>\\s*"
                + "<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>").matcher(body);
        assertThat(row.find()).as(body).isTrue();
        assertThat(row.group(1)).isEqualTo("Reward dollar " + fixtures.usd);
        assertThat(row.group(2)).isEqualTo("2%");
        assertThat(row.group(3)).isEqualTo("9.8 " + fixtures.usd);
        assertThat(body).doesNotContain("data-method-id=\"" + coinId + "\"");
        assertThat(body).contains("id=\"payout-form\"").contains("name=\"_csrf\"").contains("id=\"no-payouts\"");
    }

    @Test
    void refusalsShowTheExactTextsAndChangeNothing() {
        earn(partner, 1);
        TestHttp cabinet = cabinet(partner);

        HttpResponse<String> poor = refused(cabinet, Long.toString(usdMethod), "U1234567");
        assertThat(text(poor.body(), "payout-error")).isEqualTo(NOT_ENOUGH);
        assertThat(text(poor.body(), "balance")).isEqualTo("5 USD");

        settings.update(Map.of(Setting.MIN_PAYOUT, "5"));
        HttpResponse<String> badAccount = refused(cabinet, Long.toString(usdMethod), "not-a-wallet");
        assertThat(text(badAccount.body(), "account-error")).isEqualTo(INVALID_ACCOUNT);
        assertThat(badAccount.body()).contains("value=\"not-a-wallet\"").doesNotContain("id=\"payout-error\"");

        assertThat(text(refused(cabinet, Long.toString(coinId), "bc1qwallet").body(), "method-error")).isEqualTo(NOT_ALLOWED);
        assertThat(text(refused(cabinet, "987654321", "U1234567").body(), "method-error")).isEqualTo(NOT_ALLOWED);
        assertThat(text(refused(cabinet, "abc", "U1234567").body(), "method-error")).isEqualTo(NOT_ALLOWED);

        assertThat(payoutsOf(partner)).isZero();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("5");
    }

    @Test
    void aRequestHoldsTheBalanceShowsInTheHistoryAndCanBeCancelled() {
        earn(partner, 2);
        TestHttp cabinet = cabinet(partner);
        HttpResponse<String> done = request(cabinet, Long.toString(usdMethod), "U1234567");
        assertThat(text(done.body(), "payout-message")).startsWith("Payout is successfully requested");
        assertThat(text(done.body(), "balance")).isEqualTo("0 USD");
        assertThat(text(done.body(), "pending")).isEqualTo("10 USD");
        long id = payouts.ofPartner(partner.id(), 10).get(0).id();
        String row = row(done.body(), id);
        assertThat(row).contains("U1234567").contains("9.8 " + fixtures.usd).contains("10 USD").contains(">pending<")
                .contains("/account/payouts/" + id + "/cancel").contains(">Cancel<");

        // Nothing left to withdraw: a second request is refused with the balance text.
        assertThat(text(refused(cabinet, Long.toString(usdMethod), "U1234567").body(), "payout-error")).isEqualTo(NOT_ENOUGH);

        HttpResponse<String> cancelled = cabinet.follow(cabinet.postForm("/account/payouts/" + id + "/cancel", Map.of()));
        assertThat(text(cancelled.body(), "payout-message")).contains("cancelled");
        assertThat(text(cancelled.body(), "balance")).isEqualTo("10 USD");
        assertThat(text(cancelled.body(), "pending")).isEqualTo("0 USD");
        assertThat(row(cancelled.body(), id)).contains(">cancelled<").doesNotContain(">Cancel<");
        assertThat(payouts.byId(id).orElseThrow().status()).isEqualTo(PayoutStatus.CANCELLED);

        HttpResponse<String> again = cabinet.follow(cabinet.postForm("/account/payouts/" + id + "/cancel", Map.of()));
        assertThat(text(again.body(), "payout-error")).contains("not pending");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("10");
    }

    /**
     * SPEC §4: a refund after a paid payout reverses a reward that already left, so the balance goes below zero.
     * The page says why, offers no request form, and a request posted anyway is refused with that reason.
     */
    @Test
    void aNegativeBalanceIsExplainedAndBlocksPayoutsUntilItIsPositive() {
        fixtures.successfulOrder(placement, orders, partner.id(), "1000");
        var refunded = fixtures.successfulOrder(placement, orders, partner.id(), "1000");
        long paid = payouts.request(partner.id(), usdMethod, "U1234567");
        payouts.pay(paid, "admin:test", "tx 1");
        orders.changeStatus(refunded.id(), app.ratelink.order.OrderStatus.REFUNDED, "test", "refunded to the client");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("-5");

        TestHttp cabinet = cabinet(partner);
        HttpResponse<String> page = cabinet.get("/account/payouts");
        assertThat(text(page.body(), "balance")).isEqualTo("-5 USD");
        assertThat(text(page.body(), "negative-balance")).contains("-5 USD").contains("refunded")
                .contains("once your rewards bring the balance above zero");
        assertThat(page.body()).doesNotContain("id=\"payout-form\"");

        HttpResponse<String> posted = cabinet.postForm("/account/payouts",
                Map.of("method", Long.toString(usdMethod), "account", "U1234567"));
        // A refused request shows the form again with its error, as every bound form does.
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(text(posted.body(), "payout-error")).contains("below zero");
        assertThat(payoutsOf(partner)).isEqualTo(1);
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("-5");

        // Earned back above zero: the notice goes and the form returns.
        earn(partner, 3);
        HttpResponse<String> recovered = cabinet.get("/account/payouts");
        assertThat(text(recovered.body(), "balance")).isEqualTo("10 USD");
        assertThat(recovered.body()).doesNotContain("id=\"negative-balance\"").contains("id=\"payout-form\"");
        assertThat(text(request(cabinet, Long.toString(usdMethod), "U1234567").body(), "payout-message"))
                .startsWith("Payout is successfully requested");
    }

    @Test
    void anotherPartnerCanNeitherSeeNorCancelThePayout() {
        earn(partner, 2);
        long id = payouts.request(partner.id(), usdMethod, "U1234567");
        Partner other = PartnerFixtures.partner(partners);
        TestHttp intruder = cabinet(other);
        HttpResponse<String> page = intruder.get("/account/payouts");
        assertThat(page.body()).doesNotContain("data-payout-id=\"" + id + "\"").doesNotContain("U1234567");
        HttpResponse<String> tried = intruder.follow(intruder.postForm("/account/payouts/" + id + "/cancel", Map.of()));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(text(tried.body(), "payout-error")).contains("not pending");
        assertThat(payouts.byId(id).orElseThrow().status()).isEqualTo(PayoutStatus.PENDING);
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(payouts.balance(other.id()).amount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void twoBadFieldsShowBothErrorsAtOnceNextToTheirFields() {
        earn(partner, 2);
        TestHttp cabinet = cabinet(partner);
        String body = refused(cabinet, "abc", " ").body();
        assertThat(text(body, "method-error")).isEqualTo(NOT_ALLOWED);
        assertThat(text(body, "account-error")).isEqualTo("Enter the wallet or account the payout goes to.");
        assertThat(body).contains("aria-describedby=\"account-error\"").doesNotContain("id=\"payout-error\"");

        cabinet.get("/account/payouts?lang=ru");
        String ru = refused(cabinet, "", "").body();
        assertThat(text(ru, "method-error")).isEqualTo("Выберите способ выплаты.");
        assertThat(text(ru, "account-error")).isEqualTo("Укажите кошелёк или счёт, на который перечислить выплату.");
        cabinet.get("/account/payouts?lang=en");
        assertThat(payoutsOf(partner)).isZero();
    }

    private static String row(String body, long id) {
        int start = body.indexOf("data-payout-id=\"" + id + "\"");
        assertThat(start).as("payout " + id + " in " + body).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }
}
