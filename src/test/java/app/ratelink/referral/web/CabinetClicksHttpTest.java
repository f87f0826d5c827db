package app.ratelink.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Cabinet statistics, the clicks page and CSV, and the admin click log, through real HTTP and logins. */
class CabinetClicksHttpTest extends IntegrationTest {

    private static final String COUNTED = "badge success\">counted<";
    private static final String BOT = "badge cancelled\">bot<";
    private static final String HEAD = "badge cancelled\">head<";
    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Partners partners;
    @Autowired
    Clock clock;

    Partner partner;

    @BeforeEach
    void setUp() {
        new TestCatalog(operator()).pmusdToBtc();
        partner = PartnerFixtures.partner(partners);
    }

    private TestHttp visitor() {
        return http().withHeader("User-Agent", PartnerLinkHttpTest.CHROME);
    }

    private TestHttp cabinet() {
        return PartnerFixtures.login(http(), partner.email());
    }

    private static String stat(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(body);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    private String order(TestHttp client) {
        HttpResponse<String> posted = client.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theStatisticsFragmentShowsClicksVisitorsOrdersConversionAndEarnings() {
        TestHttp first = visitor();
        first.follow(first.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC"));
        first.get("/ref/" + partner.code() + "/");
        TestHttp second = visitor();
        second.follow(second.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC"));
        http().withHeader("User-Agent", "TelegramBot (like TwitterBot)").get("/ref/" + partner.code() + "/");
        String done = order(first);
        first.get("/exchange/PMUSD/BTC");
        order(first);
        jdbc.sql("UPDATE orders SET status = 'success', partner_reward = 1.25 WHERE public_id = :id")
                .param("id", done).update();

        HttpResponse<String> r = cabinet().get("/account/partner/stats");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(stat(body, "stats-clicks")).isEqualTo("3");
        assertThat(stat(body, "stats-visitors")).isEqualTo("2");
        assertThat(stat(body, "stats-orders")).isEqualTo("2");
        assertThat(stat(body, "stats-conversion")).isEqualTo("66.67 %");
        assertThat(stat(body, "stats-earnings")).isEqualTo("1.25 USD");
        assertThat(body).contains("id=\"partner-stats-chart\"").contains("chart.umd.min.js")
                .doesNotContain("<html");
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        assertThat(body).contains("<td>" + today + "</td>");

        HttpResponse<String> week = cabinet().get("/account/partner/stats?days=7");
        assertThat(stat(week.body(), "stats-clicks")).isEqualTo("3");
        HttpResponse<String> past = cabinet().get("/account/partner/stats?from=2020-01-01&to=2020-01-31");
        assertThat(stat(past.body(), "stats-clicks")).isEqualTo("0");
        assertThat(stat(past.body(), "stats-conversion")).isEqualTo("0 %");

        HttpResponse<String> page = cabinet().get("/account/partner");
        assertThat(page.body()).contains("hx-get=\"/account/partner/stats\"");
    }

    @Test
    void cabinetPagesNeedThePartnerLogin() {
        for (String path : List.of("/account/partner/stats", "/account/clicks", "/account/clicks.csv")) {
            HttpResponse<String> r = http().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void theClicksPageShowsOnlyTheirOwnCountedClicksEscapedAndFiltered() {
        Partner other = PartnerFixtures.partner(partners);
        visitor().get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC",
                "Referer", "https://evil.example/<script>alert(1)</script>");
        http().withHeader("User-Agent", "<script>alert(2)</script> Firefox/121.0").get("/ref/" + partner.code() + "/");
        http().withHeader("User-Agent", "Googlebot/2.1").get("/ref/" + partner.code() + "/?bot=1");
        visitor().get("/ref/" + other.code() + "/?other=1");
        // Tomcat refuses a raw '<' in a request line, so a raw one can only come from elsewhere: store it directly.
        jdbc.sql("INSERT INTO clicks (partner_id, created_at, counted, browser, user_agent, ip, referrer, query_string,"
                        + " user_hash, target) VALUES (:p, :at, TRUE, 'Unknown', '', '1.2.3.4', '', :q, 'abcabcabcabc', '/')")
                .param("p", partner.id()).param("at", OffsetDateTime.now(clock).minusMinutes(5))
                .param("q", "x=<script>alert(3)</script>").update();

        HttpResponse<String> r = cabinet().get("/account/clicks");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;script&gt;alert(3)")
                .doesNotContain("<script>alert").contains("Chrome 120").doesNotContain("bot=1")
                .doesNotContain("other=1").contains("cur_from=PMUSD&amp;cur_to=BTC");
        assertThat(r.body()).contains("abcabcabcabc");

        HttpResponse<String> filtered = cabinet().get("/account/clicks?browser=chrome");
        assertThat(filtered.body()).contains("Chrome 120").doesNotContain("abcabcabcabc");
        HttpResponse<String> byHash = cabinet().get("/account/clicks?userHash=ABCABCABCABC");
        assertThat(byHash.body()).contains("abcabcabcabc").doesNotContain("Chrome 120");
        HttpResponse<String> badDate = cabinet().get("/account/clicks?from=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(200);
    }

    @Test
    void theCsvExportNeutralizesFormulas() {
        visitor().get("/ref/" + partner.code() + "/?-2+3", "Referer", "=HYPERLINK(\"http://evil.example\",\"x\")");
        visitor().get("/ref/" + partner.code() + "/?@SUM(1)", "Referer", "+cmd|' /C calc'!A0");
        HttpResponse<String> csv = cabinet().get("/account/clicks.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("clicks.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\"id\",\"time\",\"browser\",\"ip\",\"referrer\",\"user_hash\",\"query_string\"");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"'+cmd|' /C calc'!A0\"").contains("\"'@SUM(1)\"").contains("\"Chrome 120\"");
        assertThat(lines[2]).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").contains("\"'-2+3\"");
        for (String line : lines) {
            for (String cell : line.substring(1, line.length() - 1).split("\",\"")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
    }

    @Test
    void theAdminClickLogShowsBotFlagsFiltersAndEscapes() {
        visitor().get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC", "Referer",
                "https://evil.example/<script>alert(1)</script>");
        http().withHeader("User-Agent", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")
                .get("/ref/" + partner.code() + "/");
        visitor().head("/ref/" + partner.code() + "/");

        HttpResponse<String> anonymous = http().get("/admin/clicks");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");

        TestHttp admin = admin();
        HttpResponse<String> all = admin.get("/admin/clicks?partner=" + partner.code());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains(COUNTED).contains(BOT).contains(HEAD).contains("Slackbot-LinkExpanding")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        HttpResponse<String> bots = admin.get("/admin/clicks?partner=" + partner.code() + "&flag=bot");
        assertThat(bots.body()).contains("Slackbot-LinkExpanding").doesNotContain(COUNTED).doesNotContain(HEAD);
        HttpResponse<String> byId = admin.get("/admin/clicks?partner=" + partner.id() + "&flag=not-counted");
        assertThat(byId.body()).contains(BOT).contains(HEAD).doesNotContain(COUNTED);
        HttpResponse<String> unknown = admin.get("/admin/clicks?partner=nosuchpartner");
        assertThat(unknown.body()).contains("No partner with that code or id");
        assertThat(admin.get("/admin").body()).contains("/admin/clicks");
    }
}
