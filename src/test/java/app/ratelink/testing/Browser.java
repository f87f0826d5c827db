package app.ratelink.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, for browser tests (*IT). Never downloads a
 * browser: both binaries come from apt ({@code .ci/run} installs them).
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;
    /** The width pages are laid out for: the window's, or the phone's after {@link #phone()}. */
    private long width = 1280;

    public Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--disable-sync",
                "--window-size=1280,1000");
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("ratelink-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /**
     * From now on the page is laid out as on a 390 × 844 phone (an iPhone 12–15): the viewport meta tag
     * applies and {@code window.innerWidth} is 390.
     */
    public Browser phone() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        width = 390;
        return this;
    }

    /**
     * How much wider than the screen the document is, in CSS pixels (0: no sideways scrolling). Measured against
     * the emulated phone's width, not {@code window.innerWidth}: a mobile browser widens its viewport to a page
     * that overflows, and the overflow then measured against it is 0.
     */
    public long overflow() {
        Object o = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var d = document.documentElement, b = document.body;"
                        + "return Math.max(d.scrollWidth, b ? b.scrollWidth : 0) - arguments[0];", width);
        return ((Number) o).longValue();
    }

    /** The elements that stick out to the right of the viewport, for a failure message. */
    public String widest() {
        Object o = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var out = [], w = arguments[0];"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.right > w + 1 && out.length < 5) {"
                        + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '') + ' right=' + Math.round(r.right));"
                        + "  }"
                        + "});"
                        + "return out.join('; ');", width);
        return String.valueOf(o);
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    public Browser waitForUrlContaining(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains {@code fragment} (content that htmx swaps in), and returns it. */
    public String waitForText(String css, String fragment) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), fragment));
        return text(css);
    }

    /**
     * Waits until what htmx loads with the page ({@code hx-trigger} with {@code load}) has arrived:
     * a page is measured as a person sees it a moment after it opened, not before its parts came in.
     */
    public Browser settled() {
        // htmx issues a load-triggered request while it processes the page (before the window's load event) and
        // marks its element htmx-request until the answer is swapped and settled.
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling');"));
        return this;
    }

    /** Saves a screenshot under target/screenshots as a test artifact. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
