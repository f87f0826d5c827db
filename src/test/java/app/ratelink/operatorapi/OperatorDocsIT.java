package app.ratelink.operatorapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * The operator opens {@code /api/operator/docs} in a browser (no token needed to load it), types the token
 * into the UI's Authorize dialog and calls {@code GET /api/operator/v1/orders} from the page: 200.
 */
class OperatorDocsIT extends IntegrationTest {

    @Test
    void theTokenIsTypedIntoTheUiAndAnOperatorCallSucceeds() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/api/operator/docs").waitForUrlContaining("/api/operator/swagger-ui/index.html");
            browser.find(".swagger-ui .information-container .title");
            assertThat(browser.text(".swagger-ui .information-container .title")).contains("Ratelink operator API");
            browser.screenshot("openapi-ui");

            browser.click(".swagger-ui .auth-wrapper .authorize");
            browser.type(".swagger-ui .modal-ux input[type=text], .swagger-ui .modal-ux input[type=password]",
                    OPERATOR_TOKEN);
            browser.click(".swagger-ui .modal-ux .auth-btn-wrapper .authorize");
            browser.click(".swagger-ui .modal-ux .auth-btn-wrapper .btn-done");

            WebElement operation = browser.find(".swagger-ui [id^='operations-'][id$='-orders'] .opblock-summary-get, "
                    + ".swagger-ui .opblock-get[id*='orders'] .opblock-summary");
            operation.click();
            browser.click(".swagger-ui .opblock.is-open .try-out__btn");
            browser.click(".swagger-ui .opblock.is-open .execute");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".swagger-ui .opblock.is-open .live-responses-table .response .response-col_status")));
            assertThat(status.getText()).startsWith("200");
            browser.screenshot("openapi-ui-called");
        }
    }
}
