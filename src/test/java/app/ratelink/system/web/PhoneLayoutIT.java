package app.ratelink.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.Orders;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Every page — public, cabinet, admin — opened in headless Chromium as a 390 × 844 phone, in English and in
 * Russian: the document must not be wider than the screen (tables scroll inside their box or stack). Each
 * page leaves a screenshot under target/screenshots/phone (build artifacts).
 */
class PhoneLayoutIT extends IntegrationTest {

    @Autowired
    Partners partners;

    @Autowired
    Orders orders;

    @Test
    void everyPageFitsA390PixelPhone() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String from = TestCatalog.code("PH");
        String to = TestCatalog.code("PT");
        new TestCatalog(operator())
                .currency(from, "Perfect Money USD " + from, "USD", 2, "250000", "", "Send to U1234567 with the note of the order")
                .currency(to, "Bitcoin " + to, "BTC", 8, "3.5", "", "")
                .direction(from, to, "65500.25", "1", "10", "50000", true);
        Partner partner = PartnerFixtures.partner(partners);
        // A click and an order of that partner's visitor, so the cabinet's and admin's tables have rows.
        TestHttp visitor = http().withHeader("User-Agent",
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        visitor.get("/ref/" + partner.code() + "/?cur_from=" + from + "&cur_to=" + to + "&sub1=phone-layout-test");
        visitor.get("/exchange/" + from + "/" + to);
        HttpResponse<String> created = visitor.postForm("/exchange/" + from + "/" + to,
                Map.of("amount", "1000", "account", "bc1qphonelayoutaddress0000000000000", "email", "phone@example.com"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String orderPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        long orderId = orders.byPublicId(orderPath.substring("/order/".length())).orElseThrow().id();

        List<String> publicPages = List.of("/", "/?give=" + from, "/?q=bitcoin", "/exchange/" + from + "/" + to,
                orderPath, "/order/no-such-order-0000000000", "/partners", "/partners/api", "/login", "/register",
                "/register/sent", "/password/forgot", "/password/reset?token=nope", "/no/such/page", "/admin/login",
                "/admin/password/forgot");
        List<String> cabinetPages = List.of("/account/partner", "/account/clicks", "/account/exchanges",
                "/account/payouts", "/account/postbacks", "/account/api", "/account/api/docs", "/account/profile");
        List<String> adminPages = List.of("/admin", "/admin/currencies", "/admin/currencies/new",
                "/admin/currencies/" + from, "/admin/directions", "/admin/directions/new",
                "/admin/directions/" + from + "/" + to, "/admin/orders", "/admin/orders/" + orderId, "/admin/partners",
                "/admin/partners/" + partner.id(), "/admin/payouts", "/admin/rewards", "/admin/clicks", "/admin/feeds",
                "/admin/settings", "/admin/outbox", "/admin/partners/" + partner.id() + "/money", "/admin/rates",
                "/admin/audit", "/admin/admins", "/admin/account", "/admin/account/password",
                "/admin/account/two-factor");

        List<String> tooWide = new ArrayList<>();
        for (String language : List.of("en", "ru")) {
            try (Browser browser = new Browser("http://localhost:" + port)) {
                browser.phone();
                browser.open("/?lang=" + language);
                check(browser, publicPages, language, tooWide);

                browser.open("/login");
                browser.type("#email", partner.email()).type("#password", PartnerFixtures.PASSWORD).click("#login-submit");
                browser.waitForUrlContaining("/account/partner");
                browser.find("#stats-totals");
                check(browser, cabinetPages, language, tooWide);

                browser.open("/admin/login");
                browser.type("#email", "admin@test.local").type("#password", "admin-password-1");
                browser.click("main form button[type=submit]");
                browser.waitForUrlContaining("/admin");
                check(browser, adminPages, language, tooWide);
            }
        }
        assertThat(tooWide).as("pages wider than a 390 px phone").isEmpty();
    }

    private static void check(Browser browser, List<String> pages, String language, List<String> tooWide) {
        for (String page : pages) {
            browser.open(page);
            browser.find("body");
            browser.settled();
            assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"))
                    .as(page).isEqualTo(language);
            browser.screenshot("phone/" + language + page.replaceAll("[^A-Za-z0-9]+", "_"));
            long overflow = browser.overflow();
            if (overflow > 0) {
                tooWide.add(language + " " + page + ": " + overflow + " px too wide (" + browser.widest() + ")");
            }
        }
    }
}
