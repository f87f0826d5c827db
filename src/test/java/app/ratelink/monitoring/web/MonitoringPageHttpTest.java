package app.ratelink.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.OrderPlacement;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.reward.RewardFixtures;
import app.ratelink.testing.IntegrationTest;

/** A monitoring is a partner (issue 18): its admin page brings feeds, robots, clicks, orders and money together. */
class MonitoringPageHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Orders orders;

    @Test
    void theMonitoringPageShowsFeedsRobotsClicksOrdersAndMoney() {
        Partner partner = PartnerFixtures.partner(partners);
        RewardFixtures catalog = new RewardFixtures(operator());
        String feed = "m" + catalog.usd.toLowerCase();
        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/feeds/" + feed,
                "{\"name\":\"Kurses\",\"partnerId\":" + partner.id() + "}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"partnerId\":" + partner.id());
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"partnerId\":999999999}").statusCode())
                .isEqualTo(400);

        String agent = "KursesParser/3 " + feed;
        assertThat(http().bytes("GET", "/service/export/txt/" + feed, "User-Agent", agent).statusCode()).isEqualTo(200);
        catalog.successfulOrder(placement, orders, partner.id(), "20000");
        assertThat(http().withHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0")
                .get("/ref/" + partner.code() + "/").statusCode()).isEqualTo(302);

        HttpResponse<String> page = admin().get("/admin/monitorings/" + partner.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(partner.email(), "/service/export/xml/" + feed, "/service/export/json/" + feed,
                agent, "id=\"monitoring-orders\"", catalog.usd + " → " + catalog.coin,
                "id=\"monitoring-earned\">100<", "id=\"monitoring-balance\">100<", "id=\"monitoring-money\"", "id=\"monitoring-click-count\">1<",
                "/admin/partners/" + partner.id() + "/unique-clicks.csv");
        assertThat(admin().get("/admin/monitorings").body()).contains("/admin/monitorings/" + partner.id(), feed);
        assertThat(admin().get("/admin/feeds/" + feed).body()).contains("id=\"monitoring-link\"");
        assertThat(admin().get("/admin/monitorings/999999999").statusCode()).isEqualTo(404);

        // The link can be removed again.
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"partnerId\":0}").body())
                .contains("\"partnerId\":null");
    }
}
