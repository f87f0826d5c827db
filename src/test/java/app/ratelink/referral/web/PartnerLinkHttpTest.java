package app.ratelink.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;

import app.ratelink.order.Order;
import app.ratelink.order.OrderReferrals;
import app.ratelink.order.Orders;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.partner.TestPartnerLogin;
import app.ratelink.partner.TestPartners;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** The partner link through real HTTP (SPEC §3): recording, bot flags, redirects, attribution. */
class PartnerLinkHttpTest extends IntegrationTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static final Pattern ORDER_URL = Pattern.compile("/order/([A-Za-z0-9_-]{22})$");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Settings settings;
    @Autowired
    Orders orders;
    @Autowired
    OrderReferrals referrals;
    @Autowired
    Partners partners;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    java.time.Clock clock;

    Partner partner;

    @BeforeEach
    void setUp() {
        new TestCatalog(operator()).pmusdToBtc();
        partner = TestPartners.create(jdbc);
    }

    private TestHttp browser() {
        return http().withHeader("User-Agent", CHROME);
    }

    private List<Map<String, Object>> clicksOf(long partnerId) {
        return jdbc.sql("SELECT * FROM clicks WHERE partner_id = :p ORDER BY id").param("p", partnerId).query().listOfRows();
    }

    private static Optional<String> cookie(TestHttp client, String name) {
        return client.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private static void assertRedirect(HttpResponse<String> r, String location) {
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(location);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aRealBrowserClickIsCountedWithItsParsedBrowserAndRedirectedToTheDirection() {
        TestHttp client = browser();
        HttpResponse<String> r = client.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC",
                "Referer", "https://monitoring.example/rates?from=PMUSD");
        assertRedirect(r, "/exchange/PMUSD/BTC");

        List<Map<String, Object>> rows = clicksOf(partner.id());
        assertThat(rows).hasSize(1);
        Map<String, Object> click = rows.get(0);
        assertThat(click.get("counted")).isEqualTo(true);
        assertThat(click.get("not_counted")).isNull();
        assertThat(click.get("browser")).isEqualTo("Chrome 120");
        assertThat(click.get("user_agent")).isEqualTo(CHROME);
        assertThat(click.get("ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(click.get("referrer")).isEqualTo("https://monitoring.example/rates?from=PMUSD");
        assertThat(click.get("query_string")).isEqualTo("cur_from=PMUSD&cur_to=BTC");
        assertThat(click.get("target")).isEqualTo("/exchange/PMUSD/BTC");
        assertThat((String) click.get("user_hash")).matches("[0-9a-f]{12}");
        assertThat(cookie(client, "rl_vid")).isPresent();
        assertThat(cookie(client, "rl_ref")).hasValueSatisfying(v -> assertThat(v)
                .startsWith(partner.id() + "." + click.get("id") + "."));
        assertThat(jdbc.sql("SELECT clicks FROM click_days WHERE partner_id = :p").param("p", partner.id())
                .query(Long.class).single()).isEqualTo(1);

        // The same visitor again: same user_hash, one unique visitor that day.
        client.get("/ref/" + partner.code());
        assertThat(clicksOf(partner.id())).extracting(c -> c.get("user_hash")).containsOnly(click.get("user_hash"));
        Map<String, Object> day = jdbc.sql("SELECT clicks, visitors FROM click_days WHERE partner_id = :p")
                .param("p", partner.id()).query().singleRow();
        assertThat(((Number) day.get("clicks")).longValue()).isEqualTo(2);
        assertThat(((Number) day.get("visitors")).longValue()).isEqualTo(1);
    }

    @Test
    void cookiesCarryTheirLifetimeAndClicksAreCountedByOutcomeInTheMeter() {
        double counted = clicksMeter("counted");
        double bots = clicksMeter("bot");
        double unknown = clicksMeter("unknown_code");
        HttpResponse<String> r = browser().get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC");
        http().withHeader("User-Agent", "TelegramBot (like TwitterBot)").get("/ref/" + partner.code() + "/");
        browser().get("/ref/nosuchcode/");

        // Hand-written Set-Cookie (the hot path): the same attributes ResponseCookie writes, dated by the clock.
        long days = settings.integer(Setting.COOKIE_LIFETIME_DAYS);
        Pattern expected = Pattern.compile("rl_(vid|ref)=[^;]+; Path=/; Max-Age=" + days * 86400
                + "; Expires=([A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT); HttpOnly; SameSite=Lax");
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(2).allSatisfy(c -> assertThat(c).matches(expected));
        Matcher m = expected.matcher(cookies.get(0));
        assertThat(m.matches()).isTrue();
        java.time.Instant expires = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(m.group(2),
                java.time.Instant::from);
        assertThat(java.time.Duration.between(clock.instant().plus(java.time.Duration.ofDays(days)), expires).abs())
                .isLessThan(java.time.Duration.ofSeconds(5));

        assertThat(clicksMeter("counted")).isEqualTo(counted + 1);
        assertThat(clicksMeter("bot")).isEqualTo(bots + 1);
        assertThat(clicksMeter("unknown_code")).isEqualTo(unknown + 1);
    }

    private double clicksMeter(String outcome) {
        var counter = meters.find("ratelink.clicks").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void botsAndLinkPreviewFetchersAreStoredFlaggedAndNeverCounted() {
        List<String> bots = List.of("TelegramBot (like TwitterBot)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "WhatsApp/2.23.20.0 A",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "Twitterbot/1.0",
                "curl/8.5.0");
        for (String ua : bots) {
            TestHttp bot = http().withHeader("User-Agent", ua);
            assertRedirect(bot.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC"), "/exchange/PMUSD/BTC");
            assertThat(cookie(bot, "rl_ref")).as(ua).isEmpty();
        }
        List<Map<String, Object>> rows = clicksOf(partner.id());
        assertThat(rows).hasSize(bots.size()).allSatisfy(c -> {
            assertThat(c.get("counted")).isEqualTo(false);
            assertThat(c.get("not_counted")).isEqualTo("bot");
        });
        assertThat(rows).extracting(c -> c.get("user_agent")).containsExactlyElementsOf(bots);
        Map<String, Object> day = jdbc.sql("SELECT clicks, not_counted FROM click_days WHERE partner_id = :p")
                .param("p", partner.id()).query().singleRow();
        assertThat(((Number) day.get("clicks")).longValue()).isZero();
        assertThat(((Number) day.get("not_counted")).longValue()).isEqualTo(bots.size());
    }

    @Test
    void headAndPrefetchRequestsAreNotCounted() {
        String link = "/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC";
        TestHttp head = browser();
        HttpResponse<String> r = head.head(link);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(cookie(head, "rl_ref")).isEmpty();
        assertRedirect(browser().get(link, "Sec-Purpose", "prefetch"), "/exchange/PMUSD/BTC");
        assertRedirect(browser().get(link, "Sec-Purpose", "prefetch;prerender"), "/exchange/PMUSD/BTC");
        assertRedirect(browser().get(link, "Purpose", "prefetch"), "/exchange/PMUSD/BTC");
        assertThat(clicksOf(partner.id())).extracting(c -> c.get("not_counted"))
                .containsExactly("head", "prefetch", "prefetch", "prefetch");
        assertThat(clicksOf(partner.id())).allSatisfy(c -> assertThat(c.get("counted")).isEqualTo(false));
    }

    @Test
    void parameterNamesAndValuesAreCaseInsensitiveAndCityAndAmountPassOn() {
        assertRedirect(browser().get("/ref/" + partner.code() + "/?Cur_From=pmusd&CUR_TO=btc"), "/exchange/PMUSD/BTC");
        assertRedirect(browser().get("/ref/" + partner.code() + "?cur_from=PMUSD&cur_to=BTC&amount=150"),
                "/exchange/PMUSD/BTC?amount=150");
        assertRedirect(browser().get("/ref/" + partner.code() + "/"), "/");
        assertRedirect(browser().get("/ref/" + partner.code() + "/?cur_from=NOSUCH1&cur_to=BTC"),
                "/?get=BTC&notice=direction-unavailable");
        assertThat(clicksOf(partner.id())).extracting(c -> c.get("query_string"))
                .containsExactly("Cur_From=pmusd&CUR_TO=btc", "cur_from=PMUSD&cur_to=BTC&amount=150", "",
                        "cur_from=NOSUCH1&cur_to=BTC");
    }

    @Test
    void anUnknownCodeLandsLikeAnyLandingUrlAndStoresNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM clicks").query(Long.class).single();
        TestHttp client = browser();
        assertRedirect(client.get("/ref/NOSUCH/?cur_from=PMUSD&cur_to=BTC"), "/exchange/PMUSD/BTC");
        assertRedirect(client.get("/ref/nosuchcode?CUR_FROM=pmusd&cur_to=btc&amount=150"), "/exchange/PMUSD/BTC?amount=150");
        assertRedirect(client.get("/ref/nosuchcode/?cur_to=BTC"), "/?get=BTC&notice=direction-unavailable");
        assertRedirect(client.get("/ref/nosuchcode/"), "/");
        assertRedirect(client.get("/ref/" + "x".repeat(300) + "?cur_from=PMUSD&cur_to=BTC"), "/exchange/PMUSD/BTC");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clicks").query(Long.class).single()).isEqualTo(before);
        assertThat(cookie(client, "rl_ref")).isEmpty();
    }

    @Test
    void forwardedForIsUsedFromATrustedProxyOnlyAndLongValuesAreCropped() {
        String trusted = settings.get(Setting.TRUSTED_PROXIES);
        try {
            settings.update(Map.of(Setting.TRUSTED_PROXIES, "10.9.9.9"));
            browser().get("/ref/" + partner.code() + "/", "X-Forwarded-For", "203.0.113.5");
            settings.update(Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1,::1"));
            browser().get("/ref/" + partner.code() + "/", "X-Forwarded-For", "203.0.113.5",
                    "Referer", "https://monitoring.example/" + "r".repeat(3000));
        } finally {
            settings.update(Map.of(Setting.TRUSTED_PROXIES, trusted));
        }
        List<Map<String, Object>> rows = clicksOf(partner.id());
        assertThat(rows.get(0).get("ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(rows.get(1).get("ip")).isEqualTo("203.0.113.5");
        assertThat((String) rows.get(1).get("referrer")).hasSize(1024).startsWith("https://monitoring.example/rrr");
    }

    @Test
    void theLastClickWinsAndTheOrderCarriesPartnerClickAndUserHash() {
        Partner second = TestPartners.create(jdbc);
        TestHttp client = browser();
        client.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC");
        HttpResponse<String> landed = client.follow(client.get("/ref/" + second.code() + "/?cur_from=PMUSD&cur_to=BTC"));
        assertThat(landed.statusCode()).isEqualTo(200);
        Map<String, Object> click = clicksOf(second.id()).get(0);

        HttpResponse<String> posted = client.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        Order order = orders.byPublicId(m.group(1)).orElseThrow();
        assertThat(order.partnerId()).isEqualTo(second.id());
        assertThat(order.clickId()).isEqualTo(((Number) click.get("id")).longValue());
        assertThat(order.userHash()).isEqualTo(click.get("user_hash"));
        assertThat(order.userHash()).isEqualTo(clicksOf(partner.id()).get(0).get("user_hash"));
    }

    @Test
    void subIdsOfTheLinkAreKeptOnTheClickAndCopiedToTheOrder() {
        TestHttp client = browser();
        String longTag = "t".repeat(200);
        assertRedirect(client.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC&SUB1=abc&Sub2=x%20y&sub5="
                + longTag + "&CLICK_ID=tracker-42&sub1=second"), "/exchange/PMUSD/BTC");
        Map<String, Object> click = clicksOf(partner.id()).get(0);
        assertThat(click.get("sub1")).isEqualTo("abc");
        assertThat(click.get("sub2")).isEqualTo("x y");
        assertThat(click.get("sub3")).isEqualTo("");
        assertThat((String) click.get("sub5")).isEqualTo("t".repeat(128));
        assertThat(click.get("sub_click_id")).isEqualTo("tracker-42");

        client.get("/exchange/PMUSD/BTC");
        HttpResponse<String> posted = client.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        Order order = orders.byPublicId(m.group(1)).orElseThrow();
        assertThat(order.subIds()).isEqualTo(new app.ratelink.order.SubIds("abc", "x y", "", "", "t".repeat(128),
                "tracker-42"));

        // A link without sub-IDs: the click and its order carry none.
        TestHttp other = browser();
        other.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC");
        assertThat(clicksOf(partner.id()).get(1).get("sub1")).isEqualTo("");
    }

    @Test
    void aForgedAttributionCookieIsIgnored() {
        TestHttp client = browser();
        client.get("/ref/" + partner.code() + "/");
        String real = cookie(client, "rl_ref").orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("rl_ref", real));
        assertThat(referrals.referralFor(request)).isPresent();
        String[] parts = real.split("\\.");
        request.setCookies(new Cookie("rl_ref", (partner.id() + 1) + "." + parts[1] + "." + parts[2] + "." + parts[3]));
        assertThat(referrals.referralFor(request)).isEmpty();
    }

    @Test
    void thePartnersOwnVisitsAreNotCountedAndItsOwnOrdersEarnNothing() {
        Partner own = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(browser(), own.email());
        HttpResponse<String> r = cabinet.get("/ref/" + own.code() + "/?cur_from=PMUSD&cur_to=BTC");
        assertRedirect(r, "/exchange/PMUSD/BTC");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("rl_ref="));
        assertThat(clicksOf(own.id())).singleElement().satisfies(c -> {
            assertThat(c.get("not_counted")).isEqualTo("own");
            assertThat(c.get("counted")).isEqualTo(false);
        });

        // Clicked while logged out, then ordering while logged in: the partner's own order earns nothing.
        TestHttp client = browser();
        client.get("/ref/" + own.code() + "/?cur_from=PMUSD&cur_to=BTC");
        assertThat(cookie(client, "rl_ref")).isPresent();
        PartnerFixtures.login(client, own.email());
        client.get("/exchange/PMUSD/BTC");
        HttpResponse<String> posted = client.postForm("/exchange/PMUSD/BTC",
                Map.of("amount", "100", "account", "bc1qclient", "email", "client@example.com"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        Matcher m = ORDER_URL.matcher(posted.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        assertThat(orders.byPublicId(m.group(1)).orElseThrow().partnerId()).isNull();

        // The unit underneath, without a login the same cookie is a referral.
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("rl_ref", cookie(client, "rl_ref").orElseThrow()));
        assertThat(referrals.referralFor(request)).isPresent();
        SecurityContextHolder.getContext().setAuthentication(TestPartnerLogin.of(own.id()));
        try {
            assertThat(referrals.referralFor(request)).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void otherPathsAndMethodsUnderRefAreNotPartnerLinks() {
        assertThat(browser().get("/ref/" + partner.code() + "/extra").statusCode()).isEqualTo(404);
        assertThat(browser().json("POST", "/ref/" + partner.code() + "/", "{}").statusCode()).isIn(403, 405);
        assertThat(clicksOf(partner.id())).isEmpty();
    }
}
