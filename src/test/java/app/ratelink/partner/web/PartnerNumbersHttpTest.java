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
}
