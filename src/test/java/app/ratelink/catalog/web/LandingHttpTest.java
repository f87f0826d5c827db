package app.ratelink.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Clients arriving from monitorings with cur_from/cur_to always land somewhere useful (SPEC §2). */
class LandingHttpTest extends IntegrationTest {

    @BeforeEach
    void catalogue() {
        new TestCatalog(operator()).pmusdToBtc();
    }

    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("status of %s", r.uri()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void parameterNamesAndCodesInAnyCaseRedirectToTheDirection() {
        HttpResponse<String> r = http().get("/?Cur_From=pmusd&CUR_TO=btc");
        assertThat(location(r)).isEqualTo("/exchange/PMUSD/BTC");
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(location(http().get("/?cur_from=PMUSD&cur_to=BTC"))).isEqualTo("/exchange/PMUSD/BTC");
    }

    @Test
    void worksOnAnyPublicLandingUrlAndPassesCityAndAmountThrough() {
        assertThat(location(http().get("/some/landing/page?cur_from=PmUsD&cur_to=BtC&amount=150&city=msk")))
                .isEqualTo("/exchange/PMUSD/BTC?city=MSK&amount=150");
        HttpResponse<String> page = http().get("/exchange/PMUSD/BTC?city=MSK&amount=150");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"amount\"").contains("value=\"150\"");
    }

    @Test
    void aliasesAreMatchedToo() {
        String code = TestCatalog.code("AL");
        String alias = TestCatalog.code("AX");
        new TestCatalog(operator()).currency(code, "Alias test", "USD", 2, "1000", "", "");
        assertThat(operator().json("PUT", "/api/operator/v1/currencies/" + code, "{\"aliases\":[\"" + alias + "\"]}")
                .statusCode()).isEqualTo(200);
        new TestCatalog(operator()).direction(code, "BTC", "70000", "1", "10", "1000", true);
        assertThat(location(http().get("/?cur_from=" + alias.toLowerCase() + "&cur_to=btc")))
                .isEqualTo("/exchange/" + code + "/BTC");
    }

    @Test
    void unknownCodesLandOnHomeWithANotice() {
        TestHttp client = http();
        String target = location(client.get("/?cur_from=NOPE1&cur_to=NOPE2"));
        assertThat(target).isEqualTo("/?notice=unknown-currency");
        HttpResponse<String> home = client.get(target);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"notice\"").contains("We do not know the currency");
    }

    @Test
    void oneKnownSideLandsOnHomeWithThatSidePreselected() {
        TestHttp client = http();
        String target = location(client.get("/?cur_from=pmusd&cur_to=nope"));
        assertThat(target).isEqualTo("/?give=PMUSD&notice=direction-unavailable");
        HttpResponse<String> home = client.get(target);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"notice\"").contains("not available")
                .containsPattern("<option value=\"PMUSD\"[^>]*selected");

        assertThat(location(client.get("/?cur_to=BTC"))).isEqualTo("/?get=BTC&notice=direction-unavailable");
    }

    @Test
    void aClosedDirectionLandsOnHomeWithBothSidesAndANotice() {
        String off = TestCatalog.code("OFF");
        new TestCatalog(operator()).currency(off, "Closed test", "USD", 2, "1000", "", "")
                .direction(off, "BTC", "70000", "1", "10", "1000", false);
        TestHttp client = http();
        String target = location(client.get("/?cur_from=" + off + "&cur_to=BTC"));
        assertThat(target).isEqualTo("/?give=" + off + "&get=BTC&notice=direction-unavailable");
        assertThat(client.get(target).body()).contains("is not available right now");
        // The direction page itself never errors either.
        assertThat(location(client.get("/exchange/" + off + "/BTC")))
                .isEqualTo("/?give=" + off + "&get=BTC&notice=direction-unavailable");
    }

    @Test
    void directionPageCanonicalisesCodesAndNeverShowsAnError() {
        assertThat(location(http().get("/exchange/pmusd/btc"))).isEqualTo("/exchange/PMUSD/BTC");
        assertThat(location(http().get("/exchange/pmusd/btc?amount=20"))).isEqualTo("/exchange/PMUSD/BTC?amount=20");
        assertThat(location(http().get("/exchange/NOPE/BTC"))).isEqualTo("/?get=BTC&notice=direction-unavailable");
        assertThat(location(http().get("/exchange/NOPE/NOPE2"))).isEqualTo("/?notice=unknown-currency");
        assertThat(location(http().get("/exchange/%3Cscript%3E/x"))).isEqualTo("/?notice=unknown-currency");
        // Already on the target: served, not redirected in a loop.
        assertThat(http().get("/exchange/PMUSD/BTC?cur_from=PMUSD&cur_to=BTC").statusCode()).isEqualTo(200);
    }

    @Test
    void homeSelectorsGoToTheChosenDirection() {
        HttpResponse<String> home = http().get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"give\"").contains("id=\"get\"").contains("/exchange/PMUSD/BTC");
        assertThat(location(http().get("/?give=PMUSD&get=BTC&amount=25"))).isEqualTo("/exchange/PMUSD/BTC?amount=25");
    }

    @Test
    void machineAndOrderUrlsAreNotRedirected() {
        assertThat(operator().get("/api/operator/v1/currencies?cur_from=PMUSD&cur_to=BTC").statusCode()).isEqualTo(200);
        assertThat(http().get("/order/unknownorder?cur_from=PMUSD&cur_to=BTC").statusCode()).isEqualTo(404);
        assertThat(http().get("/actuator/health?cur_from=PMUSD&cur_to=BTC").statusCode()).isEqualTo(200);
    }
}
