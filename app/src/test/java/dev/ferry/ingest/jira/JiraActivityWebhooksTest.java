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
import dev.ferry.simulator.rest.SiteChanges;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import dev.ferry.support.Tokens;
import dev.ferry.webhook.InboxDrain;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
    SiteLinks siteLinks;
    @Autowired
    Organizations organizations;
    @Autowired
    ApplicationContext context;
    @Autowired
    JiraIssueStream stream;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    PersonActions people;
    String organization;
    int delivered;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start();
        jira.credentials().install("ferry-for-jira", SECRET);
        ActivityDataset.PEOPLE.forEach(p -> jira.data().accounts().add(p[0], p[1], p[2]));
        people = new PersonActions(jira);
        sites.installAt(SITE, SECRET, jira.baseUrl());
        organization = organizations.create("Activity Co").id();
        siteLinks.linkConnection(SITE, organization, "test", Instant.now());
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void webhooksOfEveryKindBecomeActivitiesUnderThePollersKeys() {
        String key = people.createIssue(GRACE, "FERRY", "Webhook-born");
        String issueId = site().issueJson(key).orElseThrow().path("id").asText();
        String comment = people.comment(ALAN, key, "First look");
        people.editComment(ALAN, key, comment, "First look, edited");
        String transition = people.transition(GRACE, key, "Done");
        String worklog = people.addWorklog(ALAN, key, 3600);
        String doomed = people.addWorklog(GRACE, key, 600);
        long doomedAt = JiraActivityReads.time(site().worklogsOf(key).stream()
                .filter(w -> w.path("id").asText().equals(doomed)).findFirst().orElseThrow().path("updated").asText())
                .toEpochMilli();
        people.deleteWorklog(GRACE, doomed);
        String gone = people.createIssue(GRACE, "OPS", "Short-lived");
        String goneId = site().issueJson(gone).orElseThrow().path("id").asText();
        people.deleteIssue(ALAN, gone);
        deliverAll(SITE);

        long edited = JiraActivityReads.time(site().commentsOf(key).get(0).path("updated").asText()).toEpochMilli();
        long logged = JiraActivityReads.time(site().worklogsOf(key).get(0).path("updated").asText()).toEpochMilli();
        assertThat(keys()).containsExactlyInAnyOrder(NaturalKeys.issueCreated(issueId), NaturalKeys.commentAdded(comment),
                NaturalKeys.commentEdited(comment, edited), NaturalKeys.fieldChanged(transition, 0),
                NaturalKeys.fieldChanged(transition, 1), NaturalKeys.resolved(transition),
                NaturalKeys.worklog(worklog, logged), NaturalKeys.worklog(doomed, doomedAt),
                NaturalKeys.worklogDeleted(doomed), NaturalKeys.issueCreated(goneId), NaturalKeys.issueDeleted(goneId));
        assertThat(row(NaturalKeys.commentEdited(comment, edited)))
                .isEqualTo("COMMENT_EDITED|" + ALAN + "|" + jira.baseUrl() + "/browse/" + key + "?focusedCommentId=" + comment);
        assertThat(row(NaturalKeys.resolved(transition))).startsWith("ISSUE_RESOLVED|" + GRACE + "|");
        assertThat(row(NaturalKeys.worklog(worklog, logged))).startsWith("WORKLOG_ADDED|" + ALAN + "|");
        assertThat(row(NaturalKeys.issueDeleted(goneId))).startsWith("ISSUE_DELETED|" + ALAN + "|");
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
        Set<String> live = keys();

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
        assertThat(keys()).isEqualTo(live);
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

    private SiteChanges site() {
        return new SiteChanges(jira.data(), jira.baseUrl());
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

    private Set<String> keys() {
        return new HashSet<>(jdbc.sql("select natural_key from activity where organization_id = ?").param(organization)
                .query(String.class).list());
    }

    private String row(String naturalKey) {
        return jdbc.sql("select kind || '|' || actor_account_id || '|' || url from activity where natural_key = ?")
                .param(naturalKey).query(String.class).single();
    }

    private String lastOutcome() {
        return jdbc.sql("select outcome from webhook_delivery order by id desc").query(String.class).list().get(0);
    }
}
