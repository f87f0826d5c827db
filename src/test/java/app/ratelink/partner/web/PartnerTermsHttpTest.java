package app.ratelink.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.partner.ReviewInvitation;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Partner terms (issue 18): {@code PUT /api/operator/v1/partners/{id}} and the admin form, and the review
 * invitation on the page of a successful order referred by a partner with a review page.
 */
class PartnerTermsHttpTest extends IntegrationTest {

    static final String REVIEW = "https://www.bestchange.example/ratelink-exchanger.html#reviews";

    @Autowired
    Partners partners;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Orders orders;
    @Autowired
    ReviewInvitation invitation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOperatorApiSetsTheTermsFieldByField() {
        Partner partner = PartnerFixtures.partner(partners);
        String path = "/api/operator/v1/partners/" + partner.id();
        assertThat(operator().get(path + "/terms").body()).contains("\"reviewUrl\":\"\"", "\"rewardScheme\":\"orders\"",
                "\"uniqueClickReward\":0");

        HttpResponse<String> put = operator().json("PUT", path,
                "{\"reviewUrl\":\"" + REVIEW + "\",\"rewardScheme\":\"uniqueClicks\",\"uniqueClickReward\":0.05}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"id\":" + partner.id(), "\"reviewUrl\":\"" + REVIEW + "\"",
                "\"rewardScheme\":\"uniqueClicks\"", "\"uniqueClickReward\":0.05");
        // Fields left out keep their values.
        assertThat(operator().json("PUT", path, "{\"uniqueClickReward\":0.07}").body())
                .contains("\"rewardScheme\":\"uniqueClicks\"", "\"uniqueClickReward\":0.07", REVIEW);
        assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE target = :t ORDER BY id DESC")
                .param("t", "partner " + partner.id()).query(String.class).list().get(0)).contains("uniqueClickReward");

        for (String[] bad : new String[][] {{"{\"rewardScheme\":\"perLead\"}", "rewardScheme"},
                {"{\"reviewUrl\":\"javascript:alert(1)\"}", "reviewUrl"}, {"{\"uniqueClickReward\":-1}", "uniqueClickReward"},
                {"{\"rewardScheme\":\"uniqueClicks\",\"uniqueClickReward\":0}", "uniqueClickReward"}}) {
            HttpResponse<String> r = operator().json("PUT", path, bad[0]);
            assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(r.body()).contains(bad[1]);
        }
        assertThat(operator().json("PUT", "/api/operator/v1/partners/999999999", "{}").statusCode()).isEqualTo(404);
        assertThat(http().json("PUT", path, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminFormSetsTheTermsAndShowsRefusalsByTheirField() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp admin = admin();
        String page = admin.get("/admin/partners/" + partner.id()).body();
        assertThat(page).contains("id=\"terms-form\"", "name=\"reviewUrl\"", "name=\"rewardScheme\"",
                "name=\"uniqueClickReward\"", "/admin/monitorings/" + partner.id());
        HttpResponse<String> saved = admin.postForm("/admin/partners/" + partner.id() + "/terms",
                Map.of("reviewUrl", REVIEW, "rewardScheme", "uniqueClicks", "uniqueClickReward", "0.04"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.follow(saved).body()).contains("value=\"" + REVIEW + "\"", "value=\"0.04\"");

        HttpResponse<String> refused = admin.postForm("/admin/partners/" + partner.id() + "/terms",
                Map.of("reviewUrl", "ftp://nowhere", "rewardScheme", "orders", "uniqueClickReward", "abc"));
        String shown = admin.follow(refused).body();
        assertThat(shown).contains("id=\"reviewUrl-error\"", "id=\"uniqueClickReward-error\"", "value=\"abc\"")
                .doesNotContain("id=\"rewardScheme-error\"");
        assertThat(operator().get("/api/operator/v1/partners/" + partner.id() + "/terms").body())
                .contains("\"uniqueClickReward\":0.04");
    }

    @Test
    void aSuccessfulOrderOfAPartnerWithAReviewPageInvitesTheClientToReview() {
        Partner monitoring = PartnerFixtures.partner(partners);
        operator().json("PUT", "/api/operator/v1/partners/" + monitoring.id(), "{\"reviewUrl\":\"" + REVIEW + "\"}");
        Partner plain = PartnerFixtures.partner(partners);
        RewardFixtures catalog = new RewardFixtures(operator());

        Order order = catalog.order(placement, monitoring.id(), "100", "client@example.test");
        String before = http().get("/order/" + order.publicId()).body();
        assertThat(before).doesNotContain("id=\"review-invitation\"");
        orders.changeStatus(order.id(), OrderStatus.PAID, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        String after = http().get("/order/" + order.publicId()).body();
        assertThat(after).contains("id=\"review-invitation\"", "id=\"review-link\"", "href=\"" + REVIEW + "\"");
        String link = after.substring(after.indexOf("id=\"review-link\""));
        link = link.substring(0, link.indexOf('>'));
        assertThat(link).doesNotContain("nofollow");
        assertThat(invitation.mailText(monitoring.id(), Locale.ENGLISH)).get().asString().contains(REVIEW);
        assertThat(invitation.mailText(monitoring.id(), Locale.forLanguageTag("ru"))).get().asString()
                .contains("отзыв", REVIEW);

        Order other = catalog.successfulOrder(placement, orders, plain.id(), "100");
        assertThat(http().get("/order/" + other.publicId()).body()).doesNotContain("id=\"review-invitation\"");
        assertThat(invitation.mailText(plain.id(), Locale.ENGLISH)).isEmpty();
        assertThat(invitation.mailText(null, Locale.ENGLISH)).isEmpty();
    }
}
