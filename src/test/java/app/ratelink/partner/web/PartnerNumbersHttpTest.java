package app.ratelink.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14, numbers a person cannot get wrong, for the partner's money terms: a reward percent or per-click reward
 * that its column would round to zero, or that is out of range, is refused on its field (400 in the operator API,
 * the field's error on the admin form), never a 500 and never stored as 0.
 */
class PartnerNumbersHttpTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Partners partners;
    @Autowired Partnerships partnerships;

    @Test
    void aPerClickRewardTooSmallOrTooLargeIsRefusedOnItsField() {
        Partner partner = PartnerFixtures.partner(partners);
        String path = "/api/operator/v1/partners/" + partner.id();
        for (String value : new String[] {"1e-30", "0.000000001", "1e400", "-1"}) {
            HttpResponse<String> r = operator().json("PUT", path,
                    "{\"rewardScheme\":\"uniqueClicks\",\"uniqueClickReward\":" + value + "}");
            assertThat(r.statusCode()).as(value + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("field").asString()).as(value).isEqualTo("uniqueClickReward");
        }
        assertThat(partnerships.terms(partner.id()).uniqueClickReward()).isEqualByComparingTo("0");
    }

    @Test
    void aPersonalPercentTheColumnCannotKeepIsAFieldErrorOnTheAdminForm() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp admin = admin();
        admin.get("/admin/partners/" + partner.id());
        for (String value : new String[] {"0.00001", "1e-30", "1e400", "abc"}) {
            HttpResponse<String> r = admin.postForm("/admin/partners/" + partner.id(),
                    Map.of("rewardPercent", value, "notes", ""));
            assertThat(r.statusCode()).as(value).isEqualTo(200);
            assertThat(r.body()).as(value).contains("id=\"rewardPercent-error\"");
        }
        assertThat(partners.byId(partner.id()).orElseThrow().rewardPercent()).isNull();
    }

    @Test
    void theAdminPartnerFormWithTwoBadFieldsShowsBothErrorsAndKeepsWhatWasTyped() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp admin = admin();
        admin.get("/admin/partners/" + partner.id());
        Map<String, String> form = Map.of("rewardPercent", "12,5x", "notes", "n".repeat(4001));
        HttpResponse<String> bad = admin.postForm("/admin/partners/" + partner.id(), form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "rewardPercent")).isEqualTo("Enter a number such as 15 or 12.5, or leave empty.");
        assertThat(error(bad.body(), "notes")).isEqualTo("Too long: at most 4000 characters");
        assertThat(bad.body()).contains("id=\"partner-form\"", "value=\"12,5x\"");

        HttpResponse<String> outOfRange = admin.postForm("/admin/partners/" + partner.id(),
                Map.of("rewardPercent", "150", "notes", ""));
        assertThat(error(outOfRange.body(), "rewardPercent"))
                .isEqualTo("Enter a percentage from 0 to 100, at most 4 decimals, e.g. 12.5.");

        admin.get("/admin/partners/" + partner.id() + "?lang=ru");
        String ru = admin.postForm("/admin/partners/" + partner.id(), form).body();
        assertThat(error(ru, "rewardPercent")).isEqualTo("Введите число, например 15 или 12.5, или оставьте поле пустым.");
        assertThat(error(ru, "notes")).isEqualTo("Слишком длинно: не больше 4000 символов");
        admin.get("/admin/partners/" + partner.id() + "?lang=en");
        Partner unchanged = partners.byId(partner.id()).orElseThrow();
        assertThat(unchanged.rewardPercent()).isNull();
        assertThat(unchanged.notes()).isNotEqualTo("n".repeat(4001));
    }

    private static String error(String body, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<")
                .matcher(body);
        assertThat(m.find()).as(field + "-error in " + body).isTrue();
        return m.group(1).trim();
    }
}
