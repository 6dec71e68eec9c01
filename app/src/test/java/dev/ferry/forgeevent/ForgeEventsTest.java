package dev.ferry.forgeevent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.NaturalKeys;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.site.TestSites;
import dev.ferry.support.ActivitySite;
import dev.ferry.support.FakeForge;
import dev.ferry.support.ForgeRemoteTest;
import dev.ferry.support.Http;
import dev.ferry.webhook.InboxDrain;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forge's Jira events reach the same inbox and processors as Connect's webhooks: each of the nine is stored once,
 * answered 202 once committed, and processed exactly as the Connect webhook of the same change (the same activities,
 * the same link status); Forge's retries are stored once; bad bodies and unknown sites are refused with problems.
 * The events are made by people's changes on a simulated site, in Forge's shape.
 */
@ForgeRemoteTest
class ForgeEventsTest {

    static final String SITE = "forge-events-site";
    static final String SECRET = "forge-events-site-shared-secret-long-enough-1";
    static final String INSTALLATION = "ari:cloud:ecosystem::installation/forge-events-1";
    static final String GRACE = ActivityDataset.PEOPLE.get(2)[0];
    static final String ALAN = ActivityDataset.PEOPLE.get(1)[0];

    @LocalServerPort
    int port;
    @Autowired
    TestSites sites;
    @Autowired
    TicketLinks links;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    ActivitySite site;
    JiraSimulator jira;
    PersonActions people;

    @BeforeEach
    void aForgeInstallationServesAnInstalledSite() {
        site = ActivitySite.start(context, SITE, SECRET, "Forge Events Co");
        jira = site.jira();
        people = site.people();
        FakeForge.INSTANCE.install(INSTALLATION, SITE);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void eachOfTheNineEventsIsStoredOnceAndProcessedAsItsConnectWebhook() {
        String key = people.createIssue(GRACE, "FERRY", "Forge-born");
        String issueId = site.changes().issueJson(key).orElseThrow().path("id").asText();
        TicketLink link = links.link(SITE, new IssueState(issueId, key, "To Do", "new", Instant.now()),
                new LinkedObject("experiment", "exp-forge", "Forge experiment", "https://product.example/exp-forge",
                        "running"), LinkOrigin.AUTOMATIC);
        String comment = people.comment(ALAN, key, "First look");
        people.editComment(ALAN, key, comment, "First look, edited");
        String doomedComment = people.comment(GRACE, key, "Typo");
        people.deleteComment(GRACE, key, doomedComment);
        String transition = people.transition(GRACE, key, "Done");
        String worklog = people.addWorklog(ALAN, key, 3600);
        people.updateWorklog(ALAN, worklog, 5400);
        String doomed = people.addWorklog(GRACE, key, 600);
        people.deleteWorklog(GRACE, doomed);
        String gone = people.createIssue(GRACE, "OPS", "Short-lived");
        String goneId = site.changes().issueJson(gone).orElseThrow().path("id").asText();
        people.deleteIssue(ALAN, gone);

        List<PersonActions.Webhook> changes = people.webhooks();
        for (PersonActions.Webhook change : changes) {
            assertThat(send(ForgeEvents.of(change)).statusCode()).as(change.event()).isEqualTo(202);
        }
        InboxDrain.drain(context);

        assertThat(jdbc.sql("select event from webhook_delivery where client_key = ? order by id").param(SITE)
                .query(String.class).list()).containsExactlyElementsOf(changes.stream().map(PersonActions.Webhook::event)
                        .toList());
        assertThat(changes.stream().map(PersonActions.Webhook::event).distinct()).as("all nine").hasSize(9);
        assertThat(jdbc.sql("select distinct status from webhook_delivery").query(String.class).list())
                .containsExactly("PROCESSED");
        TicketLink synced = links.find(SITE, link.id()).orElseThrow();
        assertThat(synced.statusName()).isEqualTo("Done");
        assertThat(synced.statusCategory()).isEqualTo("done");
        long edited = JiraActivityReads.time(site.changes().commentsOf(key).get(0).path("updated").asText())
                .toEpochMilli();
        long logged = JiraActivityReads.time(site.changes().worklogsOf(key).get(0).path("updated").asText())
                .toEpochMilli();
        assertThat(site.activityKeys()).contains(NaturalKeys.issueCreated(issueId), NaturalKeys.commentAdded(comment),
                NaturalKeys.commentEdited(comment, edited), NaturalKeys.fieldChanged(transition, 0),
                NaturalKeys.resolved(transition), NaturalKeys.worklog(worklog, logged),
                NaturalKeys.worklogDeleted(doomed), NaturalKeys.issueCreated(goneId),
                NaturalKeys.issueDeleted(goneId));
        assertThat(site.activity(NaturalKeys.commentEdited(comment, edited)))
                .startsWith("COMMENT_EDITED|" + ALAN + "|");
    }

    @Test
    void aForgeIssueUpdateSyncsALinkExactlyAsTheConnectWebhookOfTheSameChange() {
        String key = people.createIssue(GRACE, "FERRY", "Synced twice");
        String issueId = site.changes().issueJson(key).orElseThrow().path("id").asText();
        sites.installAt("connect-twin", SECRET, jira.baseUrl());
        TicketLink viaForge = linkTo(SITE, issueId, key);
        TicketLink viaConnect = linkTo("connect-twin", issueId, key);
        people.transition(GRACE, key, "In Progress");
        List<PersonActions.Webhook> made = people.webhooks();
        PersonActions.Webhook update = made.get(made.size() - 1);

        assertThat(send(ForgeEvents.of(update)).statusCode()).isEqualTo(202);
        String path = "/webhooks/jira-issue-updated";
        var connect = new Http(port).post(path, update.body(), "Authorization", "JWT " + connectToken(path),
                "X-Atlassian-Webhook-Identifier", "connect-twin-1");
        assertThat(connect.statusCode()).isEqualTo(204);
        InboxDrain.drain(context);

        TicketLink forge = links.find(SITE, viaForge.id()).orElseThrow();
        TicketLink twin = links.find("connect-twin", viaConnect.id()).orElseThrow();
        assertThat(forge.statusName()).isEqualTo("In Progress").isEqualTo(twin.statusName());
        assertThat(forge.statusCategory()).isEqualTo("indeterminate").isEqualTo(twin.statusCategory());
        assertThat(lastEventAt(forge)).as("the change's own time, from Forge's timestamp").isEqualTo(lastEventAt(twin));
        assertThat(forge.issueKey()).isEqualTo(twin.issueKey());
    }

    @Test
    void forgesRetriesOfAnEventAreStoredOnce() {
        people.createIssue(GRACE, "FERRY", "Sent again");
        ObjectNode event = ForgeEvents.of(people.webhooks().get(0));

        assertThat(send(event).statusCode()).isEqualTo(202);
        assertThat(send(ForgeEvents.retry(event, 1)).statusCode()).isEqualTo(202);
        assertThat(send(ForgeEvents.retry(event, 4)).statusCode()).isEqualTo(202);

        assertThat(deliveries()).isEqualTo(1);
        assertThat(InboxDrain.drain(context)).isEqualTo(1);
    }

    @Test
    void twoChangesOfTheSameCommentAreTwoDeliveries() {
        String key = people.createIssue(GRACE, "FERRY", "Edited twice");
        String comment = people.comment(ALAN, key, "One");
        people.editComment(ALAN, key, comment, "Two");
        people.webhooks().forEach(change -> send(ForgeEvents.of(change)));

        assertThat(deliveries()).isEqualTo(3);
        assertThat(jdbc.sql("select event from webhook_delivery order by id").query(String.class).list())
                .containsExactly("jira:issue_created", "comment_created", "comment_updated");
    }

    @Test
    void theEventIsAnsweredWellWithinForgesFiveSeconds() {
        people.createIssue(GRACE, "FERRY", "Quick");
        ObjectNode event = ForgeEvents.of(people.webhooks().get(0));

        Instant sent = Instant.now();
        var answer = send(event);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(deliveries()).as("stored before the answer").isEqualTo(1);
    }

    @Test
    void anEventNotCommittedInTimeIsAnsweredRetryablyBeforeForgeGivesUpAndTakenWhenSentAgain() throws Exception {
        people.createIssue(GRACE, "FERRY", "Held up");
        ObjectNode event = ForgeEvents.of(people.webhooks().get(0));
        try (Connection holder = dataSource.getConnection()) {
            // Another transaction holds the same delivery uncommitted: the inbox's writer waits on it.
            holder.setAutoCommit(false);
            try (var insert = holder.prepareStatement("insert into webhook_delivery (client_key, webhook_id, event,"
                    + " body, retry_count, received_at, status, attempts, next_attempt_at)"
                    + " values (?, ?, 'jira:issue_created', '{}', 0, ?, 'PENDING', 0, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setString(1, SITE);
                insert.setString(2, ForgeDeliveryId.of(event));
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            Instant sent = Instant.now();

            var held = send(event);

            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
            refused(held, 503, "could not be stored");
            assertThat(held.headers().firstValue("Retry-After")).isPresent();
            holder.rollback();
        }

        assertThat(send(ForgeEvents.retry(event, 1)).statusCode()).isEqualTo(202);
        assertThat(deliveries()).isEqualTo(1);
    }

    @Test
    void badBodiesAreRefusedWithProblemsAndNothingIsStored() {
        refused(post("{not json"), 400, "not JSON");
        refused(post("[1,2]"), 400, "not a JSON object");
        refused(post("{\"issue\":{\"id\":\"1\"}}"), 400, "eventType");
        refused(post("{\"eventType\":\"avi:jira:created:issue\",\"x\":\"a\u0000b\"}"), 400, "NUL");
        refused(post("{\"eventType\":\"avi:jira:created:issue\",\"x\":\"" + "a".repeat(1_000_001) + "\"}"), 413, null);

        assertThat(deliveries()).isZero();
    }

    @Test
    void anEventOfAnInstallationWhoseSiteIsNotKnownYetIsAskedForAgain() {
        FakeForge.INSTANCE.install("ari:cloud:ecosystem::installation/not-yet", null);
        people.createIssue(GRACE, "FERRY", "Too early");

        var answer = new Http(port).post("/forge/events", ForgeEvents.of(people.webhooks().get(0)).toString(),
                "Authorization", FakeForge.INSTANCE.fit("ari:cloud:ecosystem::installation/not-yet").bearer());

        refused(answer, 409, "does not know");
        assertThat(deliveries()).isZero();
    }

    @Test
    void anEventFerryDoesNotProcessIsKeptAsUnknownAndNeverApplied() {
        var answer = post("{\"eventType\":\"avi:jira:viewed:issue\",\"issue\":{\"id\":\"10001\",\"key\":\"OPS-1\"},"
                + "\"atlassianId\":\"" + GRACE + "\"}");
        InboxDrain.drain(context);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("select event || '|' || status from webhook_delivery").query(String.class).single())
                .isEqualTo("unknown:avi:jira:viewed:issue|REJECTED");
    }

    @Test
    void withoutAForgeInvocationTokenNothingIsStored() {
        var answer = new Http(port).post("/forge/events", "{\"eventType\":\"avi:jira:created:issue\"}");

        refused(answer, 401, "Forge Invocation Token");
        assertThat(deliveries()).isZero();
    }

    private TicketLink linkTo(String site, String issueId, String key) {
        return links.link(site, new IssueState(issueId, key, "To Do", "new", Instant.now()), new LinkedObject(
                "experiment", "exp-" + site, "Experiment", "https://product.example/" + site, "running"),
                LinkOrigin.AUTOMATIC);
    }

    private Instant lastEventAt(TicketLink link) {
        return jdbc.sql("select last_event_at from ticket_link where id = ?").param(link.id())
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private String connectToken(String path) {
        return context.getBean(dev.ferry.support.Tokens.class).request("connect-twin", SECRET, "POST", path);
    }

    private static void refused(HttpResponse<String> answer, int status, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        if (detail != null) {
            assertThat(answer.body()).contains(detail);
        }
    }

    private HttpResponse<String> send(ObjectNode event) {
        return post(event.toString());
    }

    private HttpResponse<String> post(String body) {
        return new Http(port).post("/forge/events", body, "Authorization",
                FakeForge.INSTANCE.fit(INSTALLATION).bearer());
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single();
    }
}
