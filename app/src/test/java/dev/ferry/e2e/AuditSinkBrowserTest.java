package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.auditsink.SinkDrain;
import dev.ferry.principal.Role;
import dev.ferry.support.Browser;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An Admin sets a collector's sink in headless Chromium on a wide screen and on a phone: types the token header,
 * sees it kept as a name with its value hidden, watches records go out, tests the sink and removes it after a
 * confirm step. A URL inside is refused on the page; Members are refused the page; another organization's
 * collector is not found. Nothing reaches past a phone's right edge, and the token is on no page.
 */
@FerryJourney
class AuditSinkBrowserTest {

    static final String TOKEN = "Splunk 0c9d-browser-token-never-shown";

    @AutoClose
    static Browser browser = Browser.start();

    @Autowired
    People people;
    @Autowired
    Organizations organizations;
    @Autowired
    ApplicationContext context;

    @AfterAll
    static void windowBackToItsSize() {
        browser.resetViewport();
    }

    @Test
    void anAdminSetsWatchesTestsAndRemovesASinkOnAWideScreenAndOnAPhone(Journey journey) throws Exception {
        for (int width : new int[] {1280, 390}) {
            Organizations.Org org = organizations.create("Acme Sink " + width);
            String collector = SinkFixtures.collector(context, org.id());
            String page = journey.url() + "/admin/audit-collectors/" + collector + "/sink";
            try (SinkReceiver receiver = new SinkReceiver(journey.callbackPort())) {
                browser.driver().manage().deleteAllCookies();
                browser.viewport(width, 844).loginAs(journey.url(), people.create(org.id(), Role.ADMIN)).open(page);
                assertThat(browser.testId("sink-form").getText()).contains("Set a sink");
                ConsoleLayoutBrowserTest.fitsAndShoot(browser, "audit-sink-empty-" + width);

                browser.fill("URL", "https://10.0.0.1/services/collector/raw").fill("Headers", "Authorization: " + TOKEN)
                        .click("Save sink");
                assertThat(browser.testId("sink-error").getText()).contains("private");
                assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN);

                browser.fill("URL", SinkReceiver.url(journey.callbackPort())).fill("Headers", "Authorization: " + TOKEN)
                        .fill("Batch size", "2").click("Save sink");
                assertThat(browser.testId("flash").getText()).contains("Sink saved");
                assertThat(browser.testId("sink-kept-headers").getText()).isEqualTo("Authorization: •••• (kept)");

                SinkFixtures.store(context, org.id(), collector, 1, 5);
                SinkDrain.drain(context);
                browser.open(page);
                assertThat(browser.testId("sink-position").getText()).isNotEqualTo("0");
                assertThat(browser.testId("sink-lag").getText()).isEqualTo("0 records");
                assertThat(browser.testId("sink-sent").getText()).startsWith("5 records");
                assertThat(receiver.kept()).hasSize(5);
                assertThat(receiver.received()).allMatch(post -> TOKEN.equals(post.authorization()));

                browser.click("Send a test line");
                assertThat(browser.testId("flash").getText()).contains("Test line accepted").contains("200");
                assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN).doesNotContain("0c9d-browser");
                ConsoleLayoutBrowserTest.fitsAndShoot(browser, "audit-sink-" + width);

                browser.click("Remove…");
                assertThat(browser.testId("confirm-remove-sink").getText()).contains(SinkReceiver.url(journey.callbackPort()));
                ConsoleLayoutBrowserTest.fitsAndShoot(browser, "audit-sink-remove-" + width);
                browser.click("Remove sink");
                assertThat(browser.testId("flash").getText()).contains("Sink removed");
                assertThat(browser.testId("sink-form").getText()).contains("Set a sink");
            }

            ConsoleClient member = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MEMBER));
            assertThat(member.get("/admin/audit-collectors/" + collector + "/sink").statusCode()).isEqualTo(403);
            assertThat(member.post("/admin/audit-collectors/" + collector + "/sink", "url", "https://siem.example.com/")
                    .statusCode()).isEqualTo(403);
            Organizations.Org other = organizations.create("Other Sink " + width);
            ConsoleClient stranger = ConsoleClient.signIn(journey.port(), people.create(other.id(), Role.ADMIN));
            assertThat(stranger.get("/admin/audit-collectors/" + collector + "/sink").statusCode()).isEqualTo(404);
            assertThat(stranger.post("/admin/audit-collectors/" + collector + "/sink/remove").statusCode()).isEqualTo(404);
        }
    }
}
