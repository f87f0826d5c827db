package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * A client in headless Chromium: home page, picks a direction with the selectors, fills the order form,
 * sees the order page with status new, presses "I have paid" and sees paid.
 */
class OrderFlowIT extends IntegrationTest {

    @Test
    void aClientCreatesAnOrderAndMarksItPaid() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String from = TestCatalog.code("BF");
        String to = TestCatalog.code("BT");
        new TestCatalog(operator())
                .currency(from, "Browser Dollar", "USD", 2, "100000", "", "Send to U1234567, note: browser test")
                .currency(to, "Browser Coin", "BRC", 6, "50", "^W\\d{8}$", "")
                .direction(from, to, "4", "1", "10", "1000", true);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/");
            new Select(browser.find("#give")).selectByValue(from);
            new Select(browser.find("#get")).selectByValue(to);
            browser.click("#go").waitForUrlContaining("/exchange/" + from + "/" + to);
            assertThat(browser.text("#rate")).contains("4 " + from).contains("1 " + to);

            browser.type("#amount", "100").type("#account", "W12345678").type("#email", "browser@example.com");
            // The quote comes from the server's pricing rule as the client types (htmx).
            assertThat(browser.waitForText("#quote", "25")).isEqualTo("25");
            browser.click("#create-order").waitForUrlContaining("/order/");
            assertThat(browser.text("#status")).isEqualTo("new");
            assertThat(browser.text("#amount-give")).isEqualTo("100 " + from);
            assertThat(browser.text("#amount-get")).isEqualTo("25 " + to);
            assertThat(browser.text("#instructions")).contains("Send to U1234567");
            browser.screenshot("order-new");

            browser.click("#mark-paid");
            browser.find("#message");
            assertThat(browser.text("#status")).isEqualTo("paid");
            assertThat(browser.driver().findElements(By.id("mark-paid"))).isEmpty();
            assertThat(browser.text("#history")).contains("new").contains("paid");
            browser.screenshot("order-paid");

            // The form keeps what was typed and says what is wrong, in the browser too.
            browser.open("/exchange/" + from + "/" + to);
            browser.type("#amount", "5").type("#account", "nope").type("#email", "browser@example.com");
            browser.click("#create-order");
            assertThat(browser.text("#amount-error")).contains("The minimum is 10 USD");
            assertThat(browser.text("#account-error")).contains("not a valid Browser Coin account");
            assertThat(browser.find("#email").getAttribute("value")).isEqualTo("browser@example.com");
            browser.screenshot("order-form-errors");
        }
    }
}
