package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * The operator's day in a real browser, in English and Russian ({@code ?lang=}), at desktop width and at a
 * 390 px phone: the dashboard shows what
 * needs doing and the periods, the order search finds an order by its client's e-mail; no page is wider
 * than the screen (tables stack on the phone).
 */
class OperatorDayIT extends IntegrationTest {

    @Autowired
    OrderPlacement placement;

    @Test
    void theDashboardAndTheOrderSearchAtDesktopAndPhoneWidth() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String from = TestCatalog.code("IF");
        String to = TestCatalog.code("IT");
        new TestCatalog(operator()).currency(from, "Browser from", "USD", 2, "100000", "", "Pay")
                .currency(to, "Browser to", "TOK", 2, "100000", "", "Pay")
                .direction(from, to, "1", "1", "1", "10000", true);
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Order order = placement.place(new OrderForm(from, to, "42", "ACCOUNT-WITH-A-VERY-LONG-NAME-1234567890", email, null),
                OrderClient.anonymous());

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/admin/login").type("#email", "admin@test.local").type("#password", "admin-password-1");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
            browser.waitForUrlContaining("/admin");
            for (String lang : new String[] {"en", "ru"}) {
                boolean ru = "ru".equals(lang);
                browser.open("/admin?lang=" + lang); // the choice is kept in a cookie for the next pages
                for (int width : new int[] {1280, 390}) {
                    browser.driver().manage().window().setSize(new Dimension(width, 900));
                    browser.open("/admin");
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
                    assertThat(browser.text("#todo")).contains(ru ? "Что нужно сделать" : "Needs doing now")
                            .contains(ru ? "Выплат в ожидании нет" : "No payout pending");
                    assertThat(browser.find("#todo-paid a").getAttribute("href")).endsWith("/admin/orders?status=paid");
                    assertThat(browser.find("#period-today").isDisplayed()).isTrue();
                    assertThat(browser.text("#period-last30Days")).contains(ru ? "За 30 дней" : "Last 30 days")
                            .containsPattern(ru ? "\\d{2}\\.\\d{2}\\.\\d{4} – \\d{2}\\.\\d{2}\\.\\d{4}"
                                    : "\\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2}");
                    assertFits(browser, "dashboard-" + lang + "-" + width);

                    browser.open("/admin/orders");
                    assertThat(browser.text("h1")).isEqualTo(ru ? "Заявки" : "Orders");
                    browser.type("#q", email.toUpperCase());
                    browser.click("#order-search-submit");
                    browser.waitForUrlContaining("q=");
                    assertThat(browser.text("#orders")).contains(email).contains(String.valueOf(order.id()));
                    assertFits(browser, "order-search-" + lang + "-" + width);
                }
            }
        }
    }

    /** The page is no wider than the window: nothing to scroll sideways on a phone. */
    private static void assertFits(Browser browser, String name) {
        browser.screenshot(name);
        Object wide = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) wide).longValue()).as(name + " scrolls sideways").isLessThanOrEqualTo(0);
    }
}
