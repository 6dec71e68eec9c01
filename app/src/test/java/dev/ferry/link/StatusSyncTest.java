package dev.ferry.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Tokens;
import dev.ferry.webhook.InboxDrain;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Links follow Jira's issue webhooks: status, key and deletion, and never move backwards. */
@FerryIntegrationTest
class StatusSyncTest {

    static final String SITE = "sync-site";
    static final String SECRET = "sync-site-shared-secret-long-enough-000000001";
    static final long T0 = 1_760_000_000_000L;

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;
    @Autowired
    TicketLinks links;
    @Autowired
    ApplicationContext context;
    TicketLink link;

    @BeforeEach
    void setUp() {
        sites.install(SITE, SECRET);
        link = links.link(SITE, new IssueState("10001", "OPS-1", "To Do", "new", Instant.now()),
                new LinkedObject("experiment", "exp-42", "Checkout button colour", "https://product.example/exp/42",
                        "running"), LinkOrigin.AUTOMATIC);
    }

    @Test
    void anUpdateMovesTheLinksStatus() {
        deliver("jira-issue-updated", "u1", IssueEvents.updated("10001", "OPS-1", "In Progress", "indeterminate", T0));

        TicketLink synced = reload();
        assertThat(synced.statusName()).isEqualTo("In Progress");
        assertThat(synced.statusCategory()).isEqualTo("indeterminate");
    }

    @Test
    void aLateDeliveryDoesNotMoveTheStatusBack() {
        deliver("jira-issue-updated", "newer", IssueEvents.updated("10001", "OPS-1", "Done", "done", T0 + 5_000));
        deliver("jira-issue-updated", "older", IssueEvents.updated("10001", "OPS-1", "In Progress", "indeterminate", T0));

        assertThat(reload().statusCategory()).isEqualTo("done");
    }

    @Test
    void aWebhookStampedInTheFutureMovesTheStatusWithoutHoldingBackLaterOnes() {
        long anHourAhead = Instant.now().plusSeconds(3600).toEpochMilli();
        deliver("jira-issue-updated", "ahead", IssueEvents.updated("10001", "OPS-1", "In Progress", "indeterminate",
                anHourAhead));
        assertThat(reload().statusCategory()).isEqualTo("indeterminate");

        deliver("jira-issue-updated", "after", IssueEvents.updated("10001", "OPS-1", "Done", "done",
                Instant.now().toEpochMilli()));

        assertThat(reload().statusCategory()).isEqualTo("done");
    }

    @Test
    void aFutureStampCountsAsItsReceiptNotAsWhenTheInboxGotToIt() throws InterruptedException {
        store("ahead", IssueEvents.updated("10001", "OPS-1", "In Progress", "indeterminate",
                Instant.now().plusSeconds(3600).toEpochMilli()));
        Thread.sleep(20);
        store("after", IssueEvents.updated("10001", "OPS-1", "Done", "done", Instant.now().toEpochMilli()));
        Thread.sleep(20);
        // Both are processed only now, after the second one happened: clamped to this moment instead of to
        // its receipt, the first would still count as the newer change.
        InboxDrain.drain(context);

        assertThat(reload().statusCategory()).isEqualTo("done");
    }

    @Test
    void aMovedIssueKeepsItsLinkUnderTheNewKey() {
        deliver("jira-issue-updated", "moved", IssueEvents.updated("10001", "PLAT-7", "To Do", "new", T0));

        assertThat(reload().issueKey()).isEqualTo("PLAT-7");
    }

    @Test
    void aDeletedIssueMarksItsLinks() {
        deliver("jira-issue-deleted", "gone", IssueEvents.deleted("10001", "OPS-1", T0));

        assertThat(reload().issueDeleted()).isTrue();
    }

    @Test
    void anotherSitesEventForTheSameIssueIdChangesNothing() {
        sites.install("other-site", SECRET);
        String path = "/webhooks/jira-issue-updated";
        new Http(port).post(path, IssueEvents.updated("10001", "OPS-1", "Done", "done", T0),
                "Authorization", "JWT " + tokens.request("other-site", SECRET, "POST", path),
                "X-Atlassian-Webhook-Identifier", "other");
        InboxDrain.drain(context);

        assertThat(reload().statusCategory()).isEqualTo("new");
    }

    void deliver(String slug, String id, String body) {
        store(slug, id, body);
        InboxDrain.drain(context);
    }

    void store(String id, String body) {
        store("jira-issue-updated", id, body);
    }

    void store(String slug, String id, String body) {
        String path = "/webhooks/" + slug;
        var response = new Http(port).post(path, body, "Authorization", "JWT " + tokens.request(SITE, SECRET, "POST", path),
                "X-Atlassian-Webhook-Identifier", id);
        assertThat(response.statusCode()).isEqualTo(204);
    }

    TicketLink reload() {
        return links.find(SITE, link.id()).orElseThrow();
    }
}
