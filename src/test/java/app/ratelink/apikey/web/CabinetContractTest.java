package app.ratelink.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** The contracts other features rely on: operator-created partner, login, partner link, keys. */
class CabinetContractTest extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("id=\"api-key\"[^>]*>([0-9a-f]+)<");

    @Autowired
    Partners partners;
    @Autowired
    ApiKeys keys;

    @Test
    void operatorCreatesAConfirmedPartnerThatLogsInAndSeesItsLink() {
        String email = PartnerFixtures.uniqueEmail("op");
        HttpResponse<String> created = operator().json("POST", "/api/operator/v1/partners",
                "{\"email\":\"" + email + "\",\"password\":\"" + PartnerFixtures.PASSWORD + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Partner partner = partners.byEmail(email).orElseThrow();
        assertThat(created.body()).contains("\"id\":" + partner.id()).contains("\"code\":\"" + partner.code() + "\"")
                .contains("\"link\":\"" + partners.link(partner) + "\"");
        assertThat(partners.link(partner)).endsWith("/ref/" + partner.code() + "/");
        assertThat(partner.confirmed()).isTrue();

        HttpResponse<String> again = operator().json("POST", "/api/operator/v1/partners",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PartnerFixtures.PASSWORD + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> weak = operator().json("POST", "/api/operator/v1/partners",
                "{\"email\":\"" + PartnerFixtures.uniqueEmail("weak") + "\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"");
        assertThat(http().json("POST", "/api/operator/v1/partners", "{}").statusCode()).isEqualTo(401);

        TestHttp cabinet = PartnerFixtures.login(http(), email);
        HttpResponse<String> page = cabinet.get("/account/partner");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(partners.link(partner))
                .contains("id=\"partner-stats\"").contains("hx-get=\"/account/partner/stats\"");
    }

    @Test
    void cabinetNeedsAPartnerLogin() {
        HttpResponse<String> r = http().get("/account/partner");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aKeyCreatedInTheCabinetAuthenticatesUntilRevoked() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        cabinet.get("/account/api");
        HttpResponse<String> created = cabinet.postForm("/account/api", Map.of());
        assertThat(created.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = cabinet.follow(created);
        Matcher m = KEY.matcher(shown.body());
        assertThat(m.find()).as(shown.body()).isTrue();
        String key = m.group(1);
        assertThat(key).hasSize(44);
        assertThat(keys.authenticate(key)).contains(partner.id());
        assertThat(cabinet.get("/account/api").body()).doesNotContain(key).contains(key.substring(0, 12));
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("garbage")).isEmpty();
        assertThat(keys.authenticate(key.substring(0, 43) + (key.endsWith("0") ? "1" : "0"))).isEmpty();
    }
}
