package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Every response a browser renders carries a Content-Security-Policy without inline scripts, framing refused,
 * nosniff and a Referrer-Policy; HSTS when the site is https; the partner cookies are Secure under https; and
 * no Location is ever built from the request's Host header.
 */
class SecurityHeadersHttpTest extends IntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    Settings settings;
    @Autowired
    Partners partners;

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.BASE_URL, Setting.BASE_URL.defaultValue(),
                Setting.TRUSTED_PROXIES, Setting.TRUSTED_PROXIES.defaultValue()));
    }

    private static void assertBrowserHeaders(HttpResponse<?> r) {
        HttpHeaders h = r.headers();
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as("CSP of %s", r.uri()).contains("script-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'");
        String scripts = csp.replaceFirst(".*script-src([^;]*).*", "$1");
        assertThat(scripts).as("script-src of %s", r.uri()).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(h.firstValue("X-Content-Type-Options")).as("nosniff on %s", r.uri()).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as("Referrer-Policy on %s", r.uri())
                .hasValue("strict-origin-when-cross-origin");
        assertThat(h.firstValue("Strict-Transport-Security")).as("no HSTS over plain http: %s", r.uri()).isEmpty();
    }

    @Test
    void everySurfaceCarriesTheHeadersAndNoPageHasAnInlineScript() {
        new TestCatalog(operator()).pmusdToBtc();
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        TestHttp admin = admin();
        List<HttpResponse<String>> pages = List.of(http().get("/"), http().get("/exchange/PMUSD/BTC"),
                http().get("/login"), http().get("/register"), http().get("/password/forgot"), http().get("/partners/api"),
                http().get("/no/such/page"), cabinet.get("/account/partner"), cabinet.get("/account/partner/stats"),
                cabinet.get("/account/api"), cabinet.get("/account/payouts"), cabinet.get("/account/exchanges"),
                cabinet.get("/account/clicks"), cabinet.get("/account/profile"), admin.get("/admin"),
                admin.get("/admin/orders"), admin.get("/admin/settings"), admin.get("/admin/partners"),
                http().get("/admin/login"));
        for (HttpResponse<String> page : pages) {
            assertBrowserHeaders(page);
            assertThat(page.body()).as("inline script in %s", page.uri()).doesNotContainPattern(INLINE_SCRIPT);
            assertThat(page.body()).as("handler attribute in %s", page.uri()).doesNotContainPattern(HANDLER);
        }
        for (HttpResponse<String> other : List.of(http().get("/service/partner/api.php?api_action=pp"),
                operator().get("/api/operator/v1/orders"), http().get("/api/operator/v1/orders"),
                http().get("/js/cabinet.js"), http().get("/css/site.css"), http().get("/account/partner"),
                http().get("/actuator/health"))) {
            assertBrowserHeaders(other);
        }
    }

    @Test
    void feedsAreNeverSniffed() {
        for (String path : List.of("/service/export/xml/nosuchfeed", "/service/export/txt/nosuchfeed")) {
            HttpResponse<String> r = http().get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void hstsWhenTheBaseUrlIsHttpsOrATrustedProxySaysSo() {
        assertThat(http().get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .as("an untrusted client cannot claim https").isEmpty();
        settings.update(Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1,::1"));
        assertThat(http().get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        settings.update(Map.of(Setting.TRUSTED_PROXIES, "", Setting.BASE_URL, "https://exchanger.example"));
        assertThat(http().get("/login").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    }

    @Test
    void partnerCookiesAreSecureUnderHttps() {
        Partner partner = PartnerFixtures.partner(partners);
        List<String> plain = http().get("/ref/" + partner.code() + "/").headers().allValues("Set-Cookie");
        assertThat(plain).anyMatch(c -> c.startsWith("rl_vid=")).noneMatch(c -> c.contains("Secure"));
        settings.update(Map.of(Setting.BASE_URL, "https://exchanger.example"));
        List<String> cookies = http().get("/ref/" + partner.code() + "/",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0 Safari/537.36").headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("rl_vid=") || c.startsWith("rl_ref=")).hasSize(2)
                .allMatch(c -> c.contains("; Secure"));
    }

    @Test
    void redirectsAreBuiltFromTheBaseUrlNeverFromTheHostHeader() throws IOException {
        settings.update(Map.of(Setting.BASE_URL, "https://exchanger.example"));
        for (String path : List.of("/account/partner", "/account/api", "/admin", "/admin/orders", "/?cur_from=PMUSD&cur_to=BTC")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
            Matcher m = Pattern.compile("(?im)^Location:\\s*(\\S+)").matcher(answer);
            assertThat(m.find()).as(answer).isTrue();
            assertThat(m.group(1)).as(path).startsWith("https://exchanger.example/").doesNotContain("attacker");
        }
        String posted = raw("POST /login HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n");
        assertThat(posted).doesNotContain("attacker.example");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
