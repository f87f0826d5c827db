package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * The pages work under their Content-Security-Policy in a real browser (headless Chromium): the scripts that
 * were inline now run from static/js — the home page narrows the "get" list, the direction page previews
 * the amount, the partnership page's statistics (loaded by htmx) draw their chart — and no page holds a
 * script element without a source.
 */
class ContentSecurityPolicyIT extends IntegrationTest {

    @Autowired
    Partners partners;

    @Test
    void pageScriptsRunUnderThePolicy() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        new TestCatalog(operator()).pmusdToBtc();
        String lone = TestCatalog.code("CS");
        new TestCatalog(operator()).currency(lone, "Lonely coin", "LNC", 2, "100", "", "")
                .direction("BTC", lone, "1", "1", "0.001", "10", true);
        Partner partner = PartnerFixtures.partner(partners);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));

            browser.open("/");
            new Select(browser.find("#give")).selectByValue("PMUSD");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.querySelector('#get option[value=\"" + lone + "\"]').disabled")));
            assertThat(js.executeScript("return document.querySelectorAll('script:not([src])').length")).isEqualTo(0L);

            browser.open("/exchange/PMUSD/BTC");
            browser.type("#amount", "131");
            // The quote comes from the server through htmx (catalog.Pricing): a number once the request ran.
            wait.until(d -> browser.text("#quote").matches("[0-9].*"));

            browser.open("/login").type("#email", partner.email()).type("#password", PartnerFixtures.PASSWORD)
                    .click("#login-submit").waitForUrlContaining("/account/partner");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "var c = document.getElementById('partner-stats-chart'); return !!(c && c._chart);")));
            assertThat(js.executeScript("return document.querySelectorAll('script:not([src])').length")).isEqualTo(0L);
        }
    }
}
