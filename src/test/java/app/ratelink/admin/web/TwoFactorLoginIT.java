package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.twofactor.TestTotp;

/**
 * An admin in headless Chromium: changes its first password, enrols in two-factor login (the QR code is an
 * image of the page's origin; the code is computed here from the {@code #totp-uri} secret, as the phone
 * would), logs out, and logs in again with password and code. Screenshots under target/screenshots.
 */
class TwoFactorLoginIT extends IntegrationTest {

    @Autowired
    AdminAccounts accounts;
    @Autowired
    Clock clock;

    @Test
    void enrolLogOutAndLogInWithPasswordAndCode() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String email = AdminFixtures.email("browser");
        String first = accounts.add(email, AdminRole.OPERATOR).password();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/admin/login").type("#email", email).type("#password", first).click("button[type=submit]")
                    .waitForUrlContaining("/admin/account/password");
            browser.type("#currentPassword", first).type("#password", AdminFixtures.PASSWORD)
                    .type("#passwordAgain", AdminFixtures.PASSWORD).click("form.card button[type=submit]");
            browser.find("#sessions");

            browser.open("/admin/account/two-factor");
            String uri = browser.text("#totp-uri");
            assertThat(uri).startsWith("otpauth://totp/");
            Object qrWidth = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.getElementById('totp-qr').naturalWidth");
            assertThat(((Number) qrWidth).intValue()).isPositive();
            browser.screenshot("two-factor-enrol");
            browser.type("#code", TestTotp.code(uri, clock.instant())).click("#totp-confirm");
            assertThat(browser.find("#recovery-codes").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(10);
            browser.click("#recovery-done");
            browser.find("#count-total");

            browser.click("header.top form button.link").waitForUrlContaining("/admin/login?logout");
            browser.type("#email", email).type("#password", AdminFixtures.PASSWORD).click("button[type=submit]")
                    .waitForUrlContaining("/admin/login/code");
            browser.screenshot("two-factor-code");
            browser.type("#code", TestTotp.code(uri, clock.instant().plus(Duration.ofSeconds(30))))
                    .click("button[type=submit]");
            assertThat(browser.find("#count-total")).isNotNull();
            assertThat(browser.url()).doesNotContain("/login");
        }
    }
}
