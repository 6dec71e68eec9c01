package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ferry's Forge app as the repository holds it ({@code descriptors/}: the manifest and the Custom UI front ends
 * {@code npm run build} bundles into {@code ui/dist/}), and its modules shown in Chromium on the simulator's host
 * page: the browser goes into the module's frame, where the real {@code @forge/bridge} sends every
 * {@code invokeRemote} through the simulated Forge platform to Ferry.
 */
final class ForgeFrontEnd {

    static final String CONFIGURE = ForgeSites.CONFIGURE;
    static final String ISSUE_PANEL = ForgeSites.ISSUE_PANEL;
    static final String ISSUE_GLANCE = "ferry-linked-objects";
    static final List<String> BUILT = List.of("ui/dist/issue/index.html", "ui/dist/issue/app.js",
            "ui/dist/configure/index.html", "ui/dist/configure/app.js");

    /** The frame document's width, and the elements that stick out of it. */
    private static final String WIDE = """
            const root = document.documentElement;
            const wide = [...document.querySelectorAll('body *')]
                .filter(element => element.getBoundingClientRect().right > root.clientWidth + 1)
                .map(element => element.tagName.toLowerCase() + (element.className ? '.' + element.className : ''));
            return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5)};""";

    private final Browser browser;
    private final JiraSimulator jira;

    ForgeFrontEnd(Browser browser, JiraSimulator jira) {
        this.browser = browser;
        this.jira = jira;
    }

    /**
     * The built front ends, or the test stops: skipped where nobody ran the npm build, failed under CI (whose
     * {@code .ci/run} builds them first), so a CI run can never pass without exercising them.
     */
    static void requireBuilt() {
        Path descriptors = ForgeSites.descriptors();
        List<String> missing = BUILT.stream().filter(file -> !Files.isRegularFile(descriptors.resolve(file))).toList();
        if (missing.isEmpty()) {
            return;
        }
        String what = "descriptors/" + String.join(", descriptors/", missing) + " missing: run "
                + "`cd descriptors && npm ci && npm run build` first";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " (.ci/run must build the Forge front ends before Maven)");
        }
        assumeTrue(false, what);
    }

    /** Opens the module as Jira shows it to {@code accountId} (on {@code issueKey}, or null) and goes into its frame. */
    ForgeFrontEnd open(String moduleKey, String issueKey, String accountId) {
        browser.driver().switchTo().defaultContent();
        browser.open(jira.forge().hostPageUrl(moduleKey, issueKey, accountId));
        browser.driver().switchTo().frame(browser.find(By.id("forge-frame")));
        return this;
    }

    /** The status line once it has left "Loading…": what the front end made of Ferry's first answer. */
    String loaded() {
        return until(() -> !status().isBlank() && !status().startsWith("Loading") || !error().isBlank(), "loaded");
    }

    /** The status line, once it says {@code start}… (waits up to 10 s). */
    String statusStartingWith(String start) {
        until(() -> status().startsWith(start), "status starting with \"" + start + "\"");
        return status();
    }

    /** The error the front end shows, once it shows one. */
    String shownError() {
        until(() -> !error().isBlank(), "an error");
        return error();
    }

    String status() {
        return browser.find(By.id("status")).getText();
    }

    String error() {
        WebElement error = browser.find(By.id("error"));
        return error.isDisplayed() ? error.getText() : "";
    }

    /** The list items of {@code listId} ({@code links}, {@code requests}). */
    List<WebElement> rows(String listId) {
        return browser.findAll(By.cssSelector("#" + listId + " > li"));
    }

    /** The row of {@code listId} whose title reads {@code title}. */
    WebElement row(String listId, String title) {
        until(() -> rows(listId).stream().anyMatch(row -> titleOf(row).equals(title)), "a row titled " + title);
        return rows(listId).stream().filter(row -> titleOf(row).equals(title)).findFirst().orElseThrow();
    }

    static String titleOf(WebElement row) {
        return row.findElement(By.cssSelector(".title")).getText();
    }

    static void press(WebElement row, String button) {
        row.findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
    }

    /**
     * Saves Jira's page with the module framed in it as {@code target/screenshots/<name>.png}, after checking that
     * nothing in the module is wider than its frame (a phone must not scroll sideways).
     */
    void screenshot(String name) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> measured = (java.util.Map<String, Object>) browser.script(WIDE);
        browser.driver().switchTo().defaultContent();
        try {
            browser.screenshotWholePage(name);
        } finally {
            browser.driver().switchTo().frame(browser.find(By.id("forge-frame")));
        }
        org.assertj.core.api.Assertions.assertThat((Long) measured.get("scrollWidth"))
                .as(name + ": wider than the frame: " + measured.get("wide"))
                .isLessThanOrEqualTo((Long) measured.get("clientWidth"));
    }

    private String until(java.util.function.BooleanSupplier condition, String what) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the Forge front end never showed " + what + "; it shows: status \"" + status()
                    + "\", error \"" + error() + "\"", e);
        }
        return error().isBlank() ? status() : error();
    }
}
