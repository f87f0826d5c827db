package app.ratelink.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKey;
import app.ratelink.apikey.ApiKeys;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.BehindLoopbackProxy;
import app.ratelink.testing.TestHttp;

/**
 * Scoped keys through the real API and cabinet: a method outside the key's scope is the API's own
 * "Method not supported" (HTTP 501), an address outside its list the API's own "REST API key error" (HTTP
 * 200), byte for byte; the call log lists each call. Client addresses come in X-Forwarded-For from the
 * test's own address, trusted as a proxy for these tests (BehindLoopbackProxy).
 */
class ScopedKeysHttpTest extends BehindLoopbackProxy {

    static final String URL = "/service/partner/api.php";
    private static final Pattern KEY = Pattern.compile("id=\"api-key\"[^>]*>([0-9a-f]+)<");

    @Autowired
    Partners partners;
    @Autowired
    ApiKeys keys;

    Partner partner;
    TestHttp cabinet;

    @BeforeEach
    void setUp() {
        partner = PartnerFixtures.partner(partners);
        cabinet = PartnerFixtures.login(http(), partner.email());
    }

    static String error(String text) {
        return "{\"status\":\"error\",\"error\":1,\"error_text\":\"" + text + "\",\"data\":{}}";
    }

    HttpResponse<String> call(String key, String method, String from) {
        return http().get(URL + "?api_action=pp&api_key=" + key + "&method=" + method, "X-Forwarded-For", from);
    }

    /** Creates a key through the Create API Access form and returns it (shown once). */
    String createKey(List<String> methods, String allowedIps) {
        cabinet.get("/account/api");
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("scoped", "1"),
                Map.entry("allowedIps", allowedIps)));
        methods.forEach(m -> fields.add(Map.entry("methods", m)));
        HttpResponse<String> created = cabinet.postFormList("/account/api", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher m = KEY.matcher(cabinet.follow(created).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theFormOffersEveryMethodCheckedAndAnAddressList() {
        String page = cabinet.get("/account/api").body();
        for (String method : ApiKey.METHODS) {
            assertThat(page).containsPattern("<input type=\"checkbox\" name=\"methods\" value=\"" + method + "\"[^>]*checked");
        }
        assertThat(page).contains("name=\"allowedIps\"");
        // A post without the form's fields (an older page) is a key for every method, from anywhere.
        HttpResponse<String> plain = cabinet.postForm("/account/api", Map.of());
        Matcher m = KEY.matcher(cabinet.follow(plain).body());
        assertThat(m.find()).isTrue();
        for (String method : ApiKey.METHODS) {
            assertThat(call(m.group(1), method, "198.51.100.1").statusCode()).as(method).isNotEqualTo(501);
        }
    }

    @Test
    void aMethodOutsideTheScopeIsMethodNotSupported() {
        String key = createKey(List.of("get_info", "get_links"), "");
        assertThat(call(key, "get_info", "198.51.100.1").statusCode()).isEqualTo(200);
        assertThat(call(key, "get_links", "198.51.100.1").body()).startsWith("{\"status\":\"success\"");
        for (String method : List.of("get_exchanges", "get_payouts", "add_payout")) {
            HttpResponse<String> refused = call(key, method, "198.51.100.1");
            assertThat(refused.statusCode()).as(method).isEqualTo(501);
            assertThat(refused.body()).isEqualTo(error("Method not supported"));
        }
        assertThat(call(key, "get_everything", "198.51.100.1").body()).isEqualTo(error("Method not supported"));
    }

    @Test
    void anAddressOutsideTheListIsRestApiKeyErrorForIpv4Ipv6AndCidr() {
        String key = createKey(ApiKey.METHODS, "203.0.113.0/24, 192.0.2.7, 2001:db8::/32");
        for (String allowed : List.of("203.0.113.1", "203.0.113.254", "192.0.2.7", "2001:db8::1", "2001:db8:ffff::9")) {
            assertThat(call(key, "get_info", allowed).body()).as(allowed).startsWith("{\"status\":\"success\"");
        }
        for (String refusedFrom : List.of("203.0.114.1", "192.0.2.8", "2001:db9::1", "::1", "10.0.0.1")) {
            HttpResponse<String> refused = call(key, "get_info", refusedFrom);
            assertThat(refused.statusCode()).as(refusedFrom).isEqualTo(200);
            assertThat(refused.body()).as(refusedFrom).isEqualTo(error("REST API key error"));
        }
        // The answer is the same as for a key that does not exist.
        assertThat(call(key, "get_info", "203.0.114.1").body())
                .isEqualTo(call("0123456789ab" + "0".repeat(32), "get_info", "203.0.113.1").body());
    }

    @Test
    void badScopesAreShownByField() {
        cabinet.get("/account/api");
        HttpResponse<String> noMethods = cabinet.postFormList("/account/api", List.of(Map.entry("scoped", "1"),
                Map.entry("allowedIps", "")));
        assertThat(noMethods.statusCode()).isEqualTo(200);
        assertThat(noMethods.body()).contains("id=\"methods-error\"").doesNotContain("id=\"api-key\"");
        cabinet.get("/account/api");
        HttpResponse<String> badIp = cabinet.postFormList("/account/api", List.of(Map.entry("scoped", "1"),
                Map.entry("methods", "get_info"), Map.entry("allowedIps", "203.0.113.0/24, intranet")));
        assertThat(badIp.body()).contains("id=\"allowedIps-error\"", "intranet").doesNotContain("id=\"api-key\"");
        assertThat(keys.list(partner.id())).isEmpty();
    }

    @Test
    void theCabinetListsEachKeysCallsWithTimeMethodAddressAndResult() {
        String key = createKey(List.of("get_info"), "203.0.113.0/24");
        call(key, "get_info", "203.0.113.9");
        call(key, "get_links", "203.0.113.10");
        call(key, "get_info", "198.51.100.3");
        long keyId = keys.list(partner.id()).get(0).id();
        String page = cabinet.get("/account/api/" + keyId + "/calls").body();
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"call\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        while (row.find()) {
            rows.add(row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).endsWith("get_info 198.51.100.3 REST API key error");
        assertThat(rows.get(1)).endsWith("get_links 203.0.113.10 Method not supported");
        assertThat(rows.get(2)).endsWith("get_info 203.0.113.9 success").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*");
        assertThat(cabinet.get("/account/api").body()).contains("/account/api/" + keyId + "/calls");

        Partner other = PartnerFixtures.partner(partners);
        assertThat(PartnerFixtures.login(http(), other.email()).get("/account/api/" + keyId + "/calls").statusCode())
                .isEqualTo(404);
    }
}
