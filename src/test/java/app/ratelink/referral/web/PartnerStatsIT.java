package app.ratelink.referral.web;

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
import app.ratelink.testing.TestHttp;

/** The statistics block in a real browser: htmx loads it, Chart.js draws it, the period select reloads it. */
class PartnerStatsIT extends IntegrationTest {

    @Autowired
    Partners partners;

    @Test
    void thePartnerSeesItsStatisticsWithAChart() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        new TestCatalog(operator()).pmusdToBtc();
        Partner partner = PartnerFixtures.partner(partners);
        for (int i = 0; i < 3; i++) {
            TestHttp visitor = http().withHeader("User-Agent", PartnerLinkHttpTest.CHROME);
            visitor.get("/ref/" + partner.code() + "/?cur_from=PMUSD&cur_to=BTC");
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/login").type("#email", partner.email()).type("#password", PartnerFixtures.PASSWORD);
            browser.click("#login-submit").waitForUrlContaining("/account/partner");
            assertThat(browser.text("#stats-clicks")).isEqualTo("3");
            assertThat(browser.text("#stats-visitors")).isEqualTo("3");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(
                    js.executeScript("var c = document.getElementById('partner-stats-chart');"
                            + " return !!(window.Chart && c && window.Chart.getChart(c));")));
            js.executeScript("document.getElementById('partner-stats').scrollIntoView()");
            browser.screenshot("partner-stats");

            new Select(browser.find("#stats-days")).selectByValue("7");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(
                    js.executeScript("var s = document.getElementById('stats-days'); return s && s.value === '7'"
                            + " && !!window.Chart.getChart(document.getElementById('partner-stats-chart'));")));
            assertThat(browser.text("#stats-clicks")).isEqualTo("3");

            browser.open("/account/clicks");
            assertThat(browser.text("#clicks")).contains("Chrome 120").contains("cur_from=PMUSD&cur_to=BTC");
            browser.screenshot("partner-clicks");
        }
    }
}
