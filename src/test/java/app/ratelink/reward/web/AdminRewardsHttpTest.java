package app.ratelink.reward.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** {@code /admin/rewards}: the reward scheme and the level table, edited through real HTTP and the admin login. */
class AdminRewardsHttpTest extends IntegrationTest {

    @Autowired Settings settings;
    @Autowired Partners partners;
    @Autowired OrderPlacement placement;
    @Autowired Orders orders;

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.REWARD_BASE, Setting.REWARD_BASE.defaultValue(),
                Setting.REWARD_PERCENT, Setting.REWARD_PERCENT.defaultValue(),
                Setting.REWARD_LEVELS, Setting.REWARD_LEVELS.defaultValue()));
    }

    private static List<Map.Entry<String, String>> form(String base, String percent, String... levels) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("base", base));
        fields.add(Map.entry("percent", percent));
        for (int i = 0; i + 1 < levels.length; i += 2) {
            fields.add(Map.entry("turnover", levels[i]));
            fields.add(Map.entry("levelPercent", levels[i + 1]));
        }
        return fields;
    }

    private static long rows(String body) {
        return body.lines().filter(l -> l.contains("data-level-row=")).count();
    }

    @Test
    void onlyTheAdminSeesThePageAndTheFormNeedsTheCsrfToken() {
        HttpResponse<String> anonymous = http().get("/admin/rewards");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        Partner partner = PartnerFixtures.partner(partners);
        HttpResponse<String> asPartner = PartnerFixtures.login(http(), partner.email()).get("/admin/rewards");
        assertThat(asPartner.statusCode()).isIn(302, 403);
        assertThat(asPartner.body()).doesNotContain("rewards-form");

        TestHttp admin = admin();
        HttpResponse<String> page = admin.get("/admin/rewards");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rewards-form\"").contains("href=\"/admin/rewards\"");
        assertThat(rows(page.body())).as("the default level 0:10 and the spare rows")
                .isEqualTo(1 + AdminRewardsController.SPARE_ROWS);
        HttpResponse<String> forged = admin.postFormRaw("/admin/rewards",
                Map.of("base", "amount", "percent", "50", "turnover", "0", "levelPercent", "50"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(settings.get(Setting.REWARD_LEVELS)).isEqualTo("0:10");
    }

    @Test
    void levelsAreAddedRemovedAndStoredAscending() {
        TestHttp admin = admin();
        admin.get("/admin/rewards");
        HttpResponse<String> saved = admin.postFormList("/admin/rewards",
                form("amount", "7.50", "5000", "20", "0", "10", "", "", "1000.50", "12.5"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(settings.get(Setting.REWARD_LEVELS)).isEqualTo("0:10, 1000.5:12.5, 5000:20");
        assertThat(settings.get(Setting.REWARD_BASE)).isEqualTo("amount");
        assertThat(settings.get(Setting.REWARD_PERCENT)).isEqualTo("7.5");

        HttpResponse<String> page = admin.follow(saved);
        assertThat(page.body()).contains("id=\"rewards-message\"");
        String body = page.body();
        assertThat(body.indexOf("value=\"1000.5\"")).isPositive().isLessThan(body.indexOf("value=\"5000\""));
        assertThat(rows(body)).isEqualTo(3 + AdminRewardsController.SPARE_ROWS);

        // Clearing a row removes its level; clearing all leaves only the default percent.
        admin.postFormList("/admin/rewards", form("amount", "7.5", "0", "10", "", "", "5000", "20"));
        assertThat(settings.get(Setting.REWARD_LEVELS)).isEqualTo("0:10, 5000:20");
        admin.get("/admin/rewards");
        admin.postFormList("/admin/rewards", form("profit", "7.5", "", ""));
        assertThat(settings.get(Setting.REWARD_LEVELS)).isEmpty();
        assertThat(settings.get(Setting.REWARD_BASE)).isEqualTo("profit");
    }

    @Test
    void aWrongRowIsMarkedAndNothingIsSaved() {
        TestHttp admin = admin();
        admin.get("/admin/rewards");
        HttpResponse<String> refused = admin.postFormList("/admin/rewards", form("amount", "7",
                "0", "10", "0.00", "15", "100", "150", "1,000", "5", "200", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).contains("id=\"rewards-error\"").contains("This turnover already has a level")
                .contains("Percent: a number from 0 to 100").contains("Turnover: a number of USD, 0 or more");
        assertThat(body.lines().filter(l -> l.contains("class=\"field-error level-error\"")).count()).isEqualTo(4);
        // What the operator typed stays in the form, in its order.
        assertThat(body).contains("value=\"1,000\"").contains("value=\"150\"");
        assertThat(settings.get(Setting.REWARD_LEVELS)).isEqualTo("0:10");
        assertThat(settings.get(Setting.REWARD_BASE)).isEqualTo("profit");

        HttpResponse<String> badDefault = admin.postFormList("/admin/rewards", form("profit", "101", "0", "10"));
        assertThat(badDefault.statusCode()).isEqualTo(200);
        assertThat(badDefault.body()).contains("id=\"percent-error\"");
        assertThat(settings.get(Setting.REWARD_PERCENT)).isEqualTo("10");
    }

    @Test
    void newOrdersAreRewardedByTheSavedLevels() {
        RewardFixtures fixtures = new RewardFixtures(operator());
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp admin = admin();
        admin.get("/admin/rewards");
        assertThat(admin.postFormList("/admin/rewards", form("profit", "10", "0", "30")).statusCode()).isEqualTo(302);
        // 1000 USD × 5 % profit × 30 % = 15 USD
        long id = fixtures.order(placement, partner.id(), "1000", "client@example.test").id();
        assertThat(orders.find(id).orElseThrow().partnerReward()).isEqualByComparingTo("15");
    }

    @Test
    void aSchemeWithTwoBadFieldsAndABadRowShowsEveryErrorAtOnce() {
        TestHttp admin = admin();
        admin.get("/admin/rewards");
        HttpResponse<String> bad = admin.postFormList("/admin/rewards", form("weird", "101", "1,000", "5"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "percent")).isEqualTo("Enter a percentage from 0 to 100, e.g. 10 or 12.5.");
        assertThat(error(bad.body(), "base"))
                .isEqualTo("Choose what the percent is taken of: the profit or the amount");
        assertThat(bad.body()).contains("id=\"rewards-error\"", "Turnover: a number of USD, 0 or more",
                "value=\"1,000\"", "value=\"101\"");
        assertThat(rows(bad.body())).as("one typed row, not split at its comma").isEqualTo(1 + AdminRewardsController.SPARE_ROWS);

        admin.get("/admin/rewards?lang=ru");
        String ru = admin.postFormList("/admin/rewards", form("weird", "101", "0", "10")).body();
        assertThat(error(ru, "percent")).isEqualTo("Укажите процент от 0 до 100, например 10 или 12.5.");
        admin.get("/admin/rewards?lang=en");
        assertThat(settings.get(Setting.REWARD_PERCENT)).isEqualTo("10");
        assertThat(settings.get(Setting.REWARD_BASE)).isEqualTo("profit");
    }

    private static String error(String body, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<")
                .matcher(body);
        assertThat(m.find()).as(field + "-error in " + body).isTrue();
        return m.group(1).trim();
    }
}
