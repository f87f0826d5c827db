package app.ratelink.partnerapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

class PartnerDocsHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;

    @Test
    void thePublicReferenceNamesEveryMethodAndError() {
        HttpResponse<String> page = http().get("/partners/api");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/service/partner/api.php", "Create API Access", "get_info", "get_exchanges",
                "get_links", "get_payouts", "add_payout", "REST API key error", "Api disabled", "Method not supported",
                "Invalid parameter: start_time", "Payout is successfully requested", "cur_from=PMUSD&amp;cur_to=BTC",
                "/service/export/xml/:code");
        assertThat(http().get("/partners").statusCode()).isEqualTo(200);
    }

    @Test
    void theCabinetShowsTheSameReferenceToALoggedInPartner() {
        assertThat(http().get("/account/api/docs").statusCode()).isEqualTo(302);
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp http = PartnerFixtures.login(http(), partner.email());
        HttpResponse<String> page = http.get("/account/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("profile-menu", "get_links", "Create API Access");
    }
}
