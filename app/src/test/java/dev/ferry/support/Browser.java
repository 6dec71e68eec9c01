package dev.ferry.support;

import dev.ferry.account.People;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the real admin pages. Uses the Debian {@code chromium} and
 * {@code chromium-driver} packages, named explicitly so Selenium Manager never downloads anything; when
 * they are missing, {@link #start()} throws and the test fails. One per test class:
 *
 * <pre>{@code
 * @AutoClose static Browser browser = Browser.start();
 *
 * browser.loginAs(baseUrl, admin);
 * browser.open(baseUrl + "/admin/users");
 * browser.fill("Email", "new@example.com").select("Role", "Member").click("Add person");
 * browser.screenshot("users");                     // app/target/screenshots/users.png
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private int[] viewport;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(binary).canExecute()) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                        "--disable-gpu", "--lang=en-US");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** Signs in through the login form and waits until the browser has left it. */
    public Browser loginAs(String baseUrl, People.Login login) {
        return signIn(baseUrl, login.email(), login.password());
    }

    public Browser signIn(String baseUrl, String email, String password) {
        open(baseUrl + "/admin/login");
        return fill("Email", email).fill("Password", password).click("Sign in");
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Types into the input whose {@code <label>} says this (exactly), after clearing it. */
    public Browser fill(String label, String text) {
        WebElement input = labelled(label);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Picks the option with this visible text in the select whose label says this. */
    public Browser select(String label, String option) {
        new org.openqa.selenium.support.ui.Select(labelled(label)).selectByVisibleText(option);
        return this;
    }

    /** Clicks the button (else the link) with this visible text and waits for the next page to load. */
    public Browser click(String text) {
        return clickAndAwaitNextPage(() -> clickInPlace(text));
    }

    /** Clicks the element {@code by} finds (a row's own button) and waits for the next page to load. */
    public Browser click(By by) {
        WebElement target = find(by);
        return clickAndAwaitNextPage(target::click);
    }

    private Browser clickAndAwaitNextPage(Runnable click) {
        WebElement page = driver.findElement(By.tagName("html"));
        click.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> replaced(page));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page this element belonged to has been replaced. Chromium answers a probe of a node from an
     * earlier document either as "stale" or, when the probe races the navigation, as "Node with given id does
     * not belong to the document"; both mean the same here, while {@code ExpectedConditions.stalenessOf} only
     * knows the first and fails on the second.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException probe) {
            if (probe.getMessage() != null && probe.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw probe;
        }
    }

    /** Clicks the button (else the link) with this visible text without waiting for a new page (htmx swaps). */
    public Browser clickInPlace(String text) {
        List<WebElement> buttons = driver.findElements(By.xpath("//button[normalize-space()='" + text + "']"));
        (buttons.isEmpty() ? find(By.xpath("//a[normalize-space()='" + text + "']")) : buttons.get(0)).click();
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The element with this {@code data-testid}. */
    public WebElement testId(String id) {
        return find(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** The path of the page shown, without query. */
    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Lays pages out as a screen {@code width} CSS pixels wide (a phone at 390) until {@link #resetViewport()};
     * Chromium's own window has a minimum width, so this goes through the DevTools protocol.
     */
    public Browser viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        viewport = new int[] {width, height};
        return this;
    }

    public Browser resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        viewport = null;
        return this;
    }

    /** Runs a script in the page and answers what it returns. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /**
     * Saves the whole page of a {@link #viewport(int, int)}, not only its first screen, as
     * {@code app/target/screenshots/<name>.png}: the screen grows as tall as the page for the shot (so the
     * page has no vertical scrollbar then, as on a phone whose scrollbars overlay the page).
     */
    public Path screenshotWholePage(String name) {
        if (viewport == null) {
            throw new IllegalStateException("set a viewport first");
        }
        int[] screen = viewport;
        long height = (Long) script("return document.documentElement.scrollHeight");
        viewport(screen[0], (int) Math.max(screen[1], height));
        try {
            return screenshot(name);
        } finally {
            viewport(screen[0], screen[1]);
        }
    }

    /** Lays pages out {@code pixels} wide and 900 high: 1280 for a laptop, 390 for a phone. */
    public Browser width(int pixels) {
        return viewport(pixels, 900);
    }

    /** Lets the pages of {@code origin} ({@code http://127.0.0.1:8080}) write and read the clipboard unasked. */
    public Browser allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        return this;
    }

    /** The clipboard's text as the page sees it, or {@code "unreadable: <why>"}. */
    public String clipboard() {
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));""");
    }

    /** Saves {@code app/target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement labelled(String label) {
        WebElement forLabel = find(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(forLabel.getAttribute("for")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
