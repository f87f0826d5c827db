package app.ratelink.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.MailOutbox;
import app.ratelink.system.OutgoingMail;
import app.ratelink.testing.Browser;
import app.ratelink.testing.IntegrationTest;

/**
 * A new partner in headless Chromium: registers, confirms by the link from the mail (no SMTP here: the
 * outbox, as on a laptop), logs in, builds a direction link, and presses "Create API Access". The key
 * page is kept as target/screenshots/api-key.png.
 */
class CreateApiAccessIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/register/confirm\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    MailOutbox outbox;
    @Autowired
    ApiKeys keys;
    @Autowired
    Partners partners;

    @Test
    void registerConfirmLogInAndCreateApiAccess() throws InterruptedException {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are needed");
        String from = TestCatalog.code("KF");
        String to = TestCatalog.code("KT");
        new TestCatalog(operator()).currency(from, "Key Dollar", "USD", 2, "100000", "", "")
                .currency(to, "Key Coin", "KYC", 6, "50", "", "").direction(from, to, "1", "1", "1", "1000", true);
        String email = PartnerFixtures.uniqueEmail("browser");
        String password = "browser test passphrase";

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/login").click("#register-link").waitForUrlContaining("/register");
            browser.type("#email", email).type("#password", password).type("#passwordAgain", password);
            browser.click("#register-submit").waitForUrlContaining("/register/sent");
            assertThat(browser.text("#register-sent")).contains("Check your mail");

            browser.open(confirmationPath(email)).waitForUrlContaining("/login?confirmed");
            assertThat(browser.text("#confirmed")).contains("confirmed");
            browser.type("#email", email).type("#password", password).click("#login-submit")
                    .waitForUrlContaining("/account/partner");

            String code = partners.byEmail(email).orElseThrow().code();
            assertThat(browser.text("#partner-link")).endsWith("/ref/" + code + "/");
            new Select(browser.find("#builder-from")).selectByValue(from);
            new Select(browser.find("#builder-to")).selectByValue(to);
            assertThat(browser.text("#built-link")).endsWith("/ref/" + code + "/?cur_from=" + from + "&cur_to=" + to);
            browser.screenshot("partnership-program");

            browser.click(".profile-menu a[href='/account/api']").waitForUrlContaining("/account/api");
            browser.click("#create-api-access");
            String key = browser.text("#api-key");
            assertThat(key).matches("[0-9a-f]{44}");
            assertThat(keys.authenticate(key)).contains(partners.byEmail(email).orElseThrow().id());
            assertThat(browser.text("#keys")).contains(key.substring(0, 12)).contains("active");
            browser.screenshot("api-key");

            // Shown once: a reload lists the key by its prefix only.
            browser.open("/account/api");
            assertThat(browser.driver().getPageSource()).doesNotContain(key);
        }
    }

    /** The confirmation link from the outbox; mail leaves in the background, so wait for it a little. */
    private String confirmationPath(String email) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (OutgoingMail mail : outbox.to(email)) {
                Matcher m = LINK.matcher(mail.text());
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No confirmation mail to " + email);
    }
}
