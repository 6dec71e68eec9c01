package dev.ferry.ingest.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.NaturalKeys;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.jira.JiraSite;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.site.TestSites;
import dev.ferry.support.ActivitySite;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Tokens;
import dev.ferry.webhook.InboxDrain;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installed site's issue, comment and worklog webhooks become activities as soon as the inbox processes them,
 * under the poller's natural keys: a change both see is stored once. The bodies are the simulator's, made by a
 * person's change on the site, and arrive signed with the install's secret.
 */
@FerryIntegrationTest
class JiraActivityWebhooksTest {

    static final String SITE = "activity-webhook-site";
    static final String SECRET = "activity-webhook-site-shared-secret-long-01";
    static final String GRACE = ActivityDataset.PEOPLE.get(2)[0];
    static final String ALAN = ActivityDataset.PEOPLE.get(1)[0];

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;
    @Autowired
    ApplicationContext context;
    @Autowired
    JiraIssueStream stream;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    ActivitySite site;
    JiraSimulator jira;
    PersonActions people;
    String organization;
    int delivered;

    @BeforeEach
    void start() {
        site = ActivitySite.start(context, SITE, SECRET, "Activity Co");
        jira = site.jira();
        people = site.people();
        organization = site.organization();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void webhooksOfEveryKindBecomeActivitiesUnderThePollersKeys() {
        String key = people.createIssue(GRACE, "FERRY", "Webhook-born");
        String issueId = site.changes().issueJson(key).orElseThrow().path("id").asText();
        String comment = people.comment(ALAN, key, "First look");
        people.editComment(ALAN, key, comment, "First look, edited");
        String transition = people.transition(GRACE, key, "Done");
        String worklog = people.addWorklog(ALAN, key, 3600);
        String doomed = people.addWorklog(GRACE, key, 600);
        long doomedAt = JiraActivityReads.time(site.changes().worklogsOf(key).stream()
                .filter(w -> w.path("id").asText().equals(doomed)).findFirst().orElseThrow().path("updated").asText())
                .toEpochMilli();
        people.deleteWorklog(GRACE, doomed);
        String gone = people.createIssue(GRACE, "OPS", "Short-lived");
        String goneId = site.changes().issueJson(gone).orElseThrow().path("id").asText();
        people.deleteIssue(ALAN, gone);
        deliverAll(SITE);

        long edited = JiraActivityReads.time(site.changes().commentsOf(key).get(0).path("updated").asText())
                .toEpochMilli();
        long logged = JiraActivityReads.time(site.changes().worklogsOf(key).get(0).path("updated").asText())
                .toEpochMilli();
        assertThat(site.activityKeys()).containsExactlyInAnyOrder(NaturalKeys.issueCreated(issueId),
                NaturalKeys.commentAdded(comment),
                NaturalKeys.commentEdited(comment, edited), NaturalKeys.fieldChanged(transition, 0),
                NaturalKeys.fieldChanged(transition, 1), NaturalKeys.resolved(transition),
                NaturalKeys.worklog(worklog, logged), NaturalKeys.worklog(doomed, doomedAt),
                NaturalKeys.worklogDeleted(doomed), NaturalKeys.issueCreated(goneId), NaturalKeys.issueDeleted(goneId));
        assertThat(site.activity(NaturalKeys.commentEdited(comment, edited)))
                .isEqualTo("COMMENT_EDITED|" + ALAN + "|" + jira.baseUrl() + "/browse/" + key + "?focusedCommentId=" + comment);
        assertThat(site.activity(NaturalKeys.resolved(transition))).startsWith("ISSUE_RESOLVED|" + GRACE + "|");
        assertThat(site.activity(NaturalKeys.worklog(worklog, logged))).startsWith("WORKLOG_ADDED|" + ALAN + "|");
        assertThat(site.activity(NaturalKeys.issueDeleted(goneId))).startsWith("ISSUE_DELETED|" + ALAN + "|");
        assertThat(lastOutcome()).contains("activities: ");
    }

    @Test
    void thePollerAfterTheWebhooksOfTheSameChangesStoresNothingNew() {
        String key = people.createIssue(GRACE, "FERRY", "Seen twice");
        String comment = people.comment(ALAN, key, "Hello");
        people.editComment(ALAN, key, comment, "Hello again");
        people.transition(GRACE, key, "In Progress");
        people.edit(ALAN, key, "priority", "High");
        deliverAll(SITE);
        Set<String> live = site.activityKeys();

        IngestTarget install = new IngestTarget(organization, SITE,
                new JiraSite(SITE, URI.create(jira.baseUrl()), SECRET), Optional.empty());
        TimeWindow window = new TimeWindow(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60));
        String cursor = null;
        int added = 0;
        do {
            StreamPage page = stream.read(install, window, cursor);
            added += store.store(install, page.activities());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(live).as("created, comment added and edited, two field changes").hasSize(5);
        assertThat(added).isZero();
        assertThat(site.activityKeys()).isEqualTo(live);
    }

    @Test
    void aSiteLinkedToNoOrganizationStoresNothingAndSaysSo() {
        sites.installAt("unlinked-site", SECRET, jira.baseUrl());
        String key = people.createIssue(GRACE, "FERRY", "Nobody's");
        people.comment(ALAN, key, "Into the void");
        deliverAll("unlinked-site");

        assertThat(jdbc.sql("select count(*) from activity").query(Integer.class).single()).isZero();
        assertThat(lastOutcome()).contains("linked to no organization");
    }

    /** Delivers each webhook the people's changes made, as the site sends them, then lets the inbox process them. */
    private void deliverAll(String clientKey) {
        List<PersonActions.Webhook> webhooks = people.webhooks();
        for (PersonActions.Webhook webhook : webhooks.subList(delivered, webhooks.size())) {
            String path = "/webhooks/" + webhook.event().replace(":", "-").replace("_", "-");
            var response = new Http(port).post(path, webhook.body(), "Authorization",
                    "JWT " + tokens.request(clientKey, SECRET, "POST", path), "X-Atlassian-Webhook-Identifier",
                    clientKey + "-" + delivered++);
            assertThat(response.statusCode()).isEqualTo(204);
        }
        InboxDrain.drain(context);
    }

    private String lastOutcome() {
        return jdbc.sql("select outcome from webhook_delivery order by id desc").query(String.class).list().get(0);
    }
}
