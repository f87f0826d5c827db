package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.Order;
import app.ratelink.order.Orders;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.OutgoingMail;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * A client in headless Chromium orders on a direction that requires consent: without the checkbox the order is
 * refused on it, the rules open at /rules, with it the order is created and keeps the time of consent; the link
 * in the creation mail opens the order page with the order's number.
 */
class OrderConsentIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/order/[A-Za-z0-9_-]{22}");

    @Autowired
    Settings settings;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Orders orders;

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.BASE_URL, "", Setting.EXCHANGE_RULES, ""));
    }

    @Test
    void aClientAcceptsTheRulesOrdersAndOpensTheOrderFromItsMail() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String from = TestCatalog.code("CF");
        String to = TestCatalog.code("CT");
        new TestCatalog(operator())
                .currency(from, "Consent Dollar", "USD", 2, "100000", "", "Send to U1234567, note: consent")
                .currency(to, "Consent Coin", "CNC", 6, "50", "", "");
        assertThat(operator().json("PUT", "/api/operator/v1/directions/" + from + "/" + to, """
                {"in":4,"out":1,"minAmount":10,"maxAmount":1000,"profitPercent":2,"flags":[],"cities":[],
                 "active":true,"requiresConsent":true}""").body()).contains("\"requiresConsent\":true");
        String base = "http://localhost:" + port;
        settings.update(Map.of(Setting.BASE_URL, base,
                Setting.EXCHANGE_RULES, "Rule one: only your own money.\n\nRule two: we check payments (AML)."));
        String email = "consent-" + from.toLowerCase() + "@example.com";

        try (Browser browser = new Browser(base)) {
            browser.open("/exchange/" + from + "/" + to);
            assertThat(browser.find("#rules-link").getAttribute("href")).isEqualTo(base + "/rules");
            browser.type("#amount", "100").type("#account", "consent-wallet").type("#email", email);
            browser.click("#create-order");
            assertThat(browser.text("#consent-error")).contains("accept the exchange rules");
            browser.screenshot("order-consent-refused");

            browser.click("#consent");
            browser.click("#create-order").waitForUrlContaining("/order/");
            String orderUrl = browser.url();
            assertThat(browser.text("#status")).isEqualTo("new");
            String number = browser.text("#order-number");
            Order order = orders.byPublicId(orderUrl.substring(orderUrl.lastIndexOf('/') + 1)).orElseThrow();
            assertThat(order.number()).isEqualTo(number);
            assertThat(order.consentedAt()).isNotNull();
            browser.screenshot("order-consent-created");

            OutgoingMail created = outbox.to(email).stream().filter(m -> m.subject().contains(number)).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(created.text()).contains(number).contains("Send to U1234567, note: consent");
            Matcher link = LINK.matcher(created.text());
            assertThat(link.find()).isTrue();
            assertThat(link.group()).isEqualTo(orderUrl);

            browser.open("/rules");
            assertThat(browser.text("#rules")).contains("Rule one").contains("Rule two");

            browser.driver().get(link.group());
            assertThat(browser.text("#order-number")).isEqualTo(number);
            assertThat(browser.text("#amount-get")).isEqualTo("25 " + to);
            browser.screenshot("order-from-mail");
        }
    }
}
