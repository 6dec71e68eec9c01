package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.support.Browser;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deliveries log in headless Chromium: when an open delivery is tried next, Retry on every delivery that is
 * not final, errors in words, and waiting never in success green.
 */
@FerryIntegrationTest
class DeliveriesPageBrowserTest {

    static final String SUCCESS_GREEN = "rgba(227, 252, 239, 1)";

    @AutoClose
    static Browser browser = Browser.start();

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    OutboxRows outbox;
    People.Login admin;
    long waiting;
    long done;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void anAdminWithAWaitingAFailedAndADoneDelivery() {
        Organizations.Org acme = organizations.create("Acme");
        outbox = OutboxRows.destination(jdbc, acme.id(), "site-1");
        waiting = outbox.delivery("WAITING", "{}", Instant.parse("2030-01-02T03:04:00Z"),
                "destination needs repair: Jira answered 403");
        outbox.delivery("FAILED", "{}", Instant.now(), "IllegalStateException: the lane is gone");
        done = outbox.delivery("DONE", Instant.now());
        admin = people.create(acme.id(), Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        browser.resetViewport().driver().manage().deleteAllCookies();
    }

    @Test
    void openDeliveriesSayWhenTheyAreTriedNextAndEveryOneThatIsNotFinalCanBeRetried() {
        browser.width(1280).loginAs(base(), admin);
        browser.open(base() + "/admin/deliveries");

        WebElement waitingRow = row("WAITING");
        assertThat(waitingRow.findElement(By.cssSelector("[data-testid='next-attempt']")).getText())
                .isEqualTo("Next attempt 2030-01-02 03:04 UTC");
        assertThat(waitingRow.getText()).contains("Destination needs repair: Jira answered 403");
        assertThat(waitingRow.findElement(By.cssSelector(".lozenge")).getCssValue("background-color"))
                .as("waiting is not success").isNotEqualTo(SUCCESS_GREEN);
        assertThat(row("DONE").findElement(By.cssSelector(".lozenge")).getCssValue("background-color"))
                .isEqualTo(SUCCESS_GREEN);
        assertThat(row("FAILED").getText()).contains("The lane is gone").doesNotContain("Exception");
        assertThat(row("WAITING").findElements(By.xpath(".//button[normalize-space()='Retry']"))).hasSize(1);
        assertThat(row("FAILED").findElements(By.xpath(".//button[normalize-space()='Retry']"))).hasSize(1);
        assertThat(row("DONE").findElements(By.tagName("button"))).as("a done delivery is final").isEmpty();
        assertThat(row("DONE").findElements(By.cssSelector("[data-testid='next-attempt']"))).isEmpty();
        browser.screenshot("deliveries-1280");
        browser.width(390);
        browser.screenshot("deliveries-390");

        browser.click(By.cssSelector("tr[data-delivery='" + waiting + "'] button"));

        assertThat(browser.testId("flash").getText()).isEqualTo("Delivery " + waiting + " will be tried again now.");
        assertThat(outbox.status(waiting)).isEqualTo("PENDING");
        assertThat(outbox.nextAttemptAt(waiting)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void retryingADoneDeliveryIsRefusedInASentence() {
        var console = ConsoleClient.signIn(port, admin);

        var refused = console.post("/admin/deliveries/" + done + "/retry");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Delivery " + done + " is finished (done or skipped): there is nothing to "
                + "send again.");
        assertThat(outbox.status(done)).isEqualTo("DONE");
        assertThat(console.post("/admin/deliveries/999999/retry").body()).contains("No delivery 999999 in this "
                + "organization.");
    }

    private WebElement row(String status) {
        return browser.find(By.cssSelector("tr[data-status='" + status + "']"));
    }
}
