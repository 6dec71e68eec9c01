package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.objectstate.ObjectStateDrain;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.sitelink.SiteLinks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The data-quality product tells Ferry what became of an anomaly: each state and comment lands once as a
 * timestamped comment on every ticket linked to the anomaly at that moment, whatever crashes or Jira failures
 * come between, and the tickets' Jira status is never touched.
 */
class ObjectStateJourneyTest extends WithLinkedDestination {

    private static final String HEADING = "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC] Acme Experiments anomaly ";
    private static final String STATE = "/api/v1/objects/anomaly/an-1/state";

    @AfterEach
    void ferrySentJiraNothingItsSpecificationRejects() {
        journey.assertNoSpecViolations();
    }

    @Test
    void acknowledgingPutsOneTimestampedCommentOnEachLinkedTicketAndArchivingOneMore() {
        String first = linkedTicket("an-1");
        String second = linkedTicket("an-1");
        String status = jira.data().statusOf(first).orElseThrow();

        ProductApi.Reply posted = api.post(STATE, "{\"state\":\"acknowledged\",\"note\":\"Seen in the nightly load.\",\"by\":\"Dana\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().path("tickets")).hasSize(2);
        assertThat(ObjectStateDrain.drain(context)).isEqualTo(2);

        for (String key : List.of(first, second)) {
            assertThat(comments(key)).singleElement().asString()
                    .matches(HEADING + "status: Acknowledged\nSeen in the nightly load.\nby Dana");
        }
        assertThat(api.post(STATE, "{\"state\":\"archived\"}").status()).isEqualTo(202);
        ObjectStateDrain.drain(context);
        for (String key : List.of(first, second)) {
            assertThat(comments(key)).hasSize(2).last().asString().matches(HEADING + "status: Archived");
            assertThat(jira.data().statusOf(key)).contains(status);
        }
        assertThat(jira.calls()).noneMatch(call -> call.path().endsWith("/transitions") && call.method().equals("POST"));
        JsonNode history = api.get(STATE + "-history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("state").asString()).isEqualTo("archived");
        assertThat(history.get(1).path("tickets").findValuesAsString("status")).containsExactly("DONE", "DONE");
        assertThat(objectStates("an-1")).containsOnly("archived");
        assertThat(api.get("/api/v1/audit").json().toString()).contains("OBJECT_STATE_CHANGED");
    }

    @Test
    void aTicketLinkedAfterAChangeNeverReceivesItButGetsTheNextComment() {
        String early = linkedTicket("an-1");
        assertThat(api.post(STATE, "{\"state\":\"acknowledged\"}").status()).isEqualTo(202);
        String late = linkedTicket("an-1");
        ObjectStateDrain.drain(context);
        assertThat(comments(early)).hasSize(1);
        assertThat(comments(late)).isEmpty();

        ProductApi.Reply commented = api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"Root cause: late feed.\",\"by\":\"Dana\"}");
        assertThat(commented.status()).as(commented.body()).isEqualTo(202);
        ObjectStateDrain.drain(context);
        assertThat(comments(early)).hasSize(2);
        assertThat(comments(late)).singleElement().asString().matches(HEADING + "comment:\nRoot cause: late feed.\nby Dana");
        assertThat(api.get("/api/v1/audit").json().toString()).contains("OBJECT_COMMENTED");
    }

    @Test
    void aWorkerKilledBetweenJirasAnswerAndFerrysRecordLeavesOneComment() {
        String key = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        assertThat(ObjectStateDrain.drainDyingAfterJiraAnswers(context)).isTrue();
        assertThat(comments(key)).as("Jira has the comment, Ferry has no record of it").hasSize(1);

        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).as("the dead worker's lease still holds the row").isEqualTo("PENDING");
        ObjectStateDrain.timePasses(context);
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).isEqualTo("DONE");
        assertThat(comments(key)).hasSize(1);
        assertThat(journey.answered("POST", "/rest/api/3/issue/" + issueId(key) + "/comment")).isEqualTo(1);
    }

    @Test
    void aWorkerWhoseClaimRanOutLeavesTheCommentToTheWorkerThatClaimedItNext() {
        String key = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        ObjectStateDrain.Stalled stalled = ObjectStateDrain.claimAndStall(context);
        assertThat(stalled.size()).isEqualTo(1);
        ObjectStateDrain.timePasses(context);
        ObjectStateDrain.drain(context);

        stalled.resume(context);
        assertThat(deliveryStatus()).isEqualTo("DONE");
        assertThat(comments(key)).as("the stale worker commented too").hasSize(1);
    }

    @Test
    void aLostAnswerThenARetryLeavesOneComment() {
        String key = linkedTicket("an-1");
        jira.faults().add("POST", "/rest/api/3/issue/[^/]+/comment", Fault.answerLost(), 1);
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).isEqualTo("PENDING");

        ObjectStateDrain.timePasses(context);
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).isEqualTo("DONE");
        assertThat(comments(key)).hasSize(1);
    }

    @Test
    void aJiraServerErrorIsTriedAgainCommentsOnceAndKeepsTheOrderOfChanges() {
        String key = linkedTicket("an-1");
        jira.faults().add("POST", "/rest/api/3/issue/[^/]+/comment", Fault.serverError(503), 1);
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        ObjectStateDrain.drain(context);
        assertThat(comments(key)).isEmpty();
        JsonNode waiting = api.get(STATE + "-history").json().get(0).path("tickets").get(0);
        assertThat(waiting.path("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.path("error").asString()).isNotBlank();

        assertThat(api.post(STATE, "{\"state\":\"archived\"}").status()).isEqualTo(202);
        ObjectStateDrain.drain(context);
        assertThat(comments(key)).as("a later change waits for the earlier one on the same ticket").isEmpty();

        ObjectStateDrain.timePasses(context);
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).isEqualTo("DONE");
        assertThat(comments(key)).hasSize(2);
        assertThat(comments(key).get(0)).contains("status: Acknowledged");
        assertThat(comments(key).get(1)).contains("status: Archived");
    }

    @Test
    void aTicketDeletedInJiraFailsItsCommentShowsBrokenAndTheOtherStillGetsIt() {
        String kept = linkedTicket("an-1");
        String deleted = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        jira.data().deleteIssue(deleted);
        ObjectStateDrain.drain(context);

        assertThat(comments(kept)).hasSize(1);
        JsonNode tickets = api.get(STATE + "-history").json().get(0).path("tickets");
        assertThat(tickets.get(0).path("status").asString()).isEqualTo("DONE");
        assertThat(tickets.get(1).path("status").asString()).isEqualTo("FAILED");
        assertThat(tickets.get(1).path("error").asString()).contains("deleted");
        JsonNode links = api.get("/api/v1/links?subjectType=anomaly&subjectId=an-1").json();
        assertThat(links.get(1).path("broken").asBoolean()).isTrue();
    }

    @Test
    void rejectedCredentialsParkTheCommentUntilTheyAreRenewedThenItGoesOnce() {
        String key = linkedTicket("an-1");
        jira.faults().add("POST", "/rest/api/3/issue/[^/]+/comment", Fault.unauthorized(), 1);
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        ObjectStateDrain.drain(context);
        JsonNode parked = api.get(STATE + "-history").json().get(0).path("tickets").get(0);
        assertThat(parked.path("status").asString()).isEqualTo("WAITING");
        assertThat(parked.path("error").asString()).contains("credentials");
        ObjectStateDrain.timePasses(context);
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).as("still parked while the credentials are rejected").isEqualTo("WAITING");
        assertThat(comments(key)).isEmpty();

        context.getBean(SiteLinks.class).credentialsRenewed(clientKey);
        ObjectStateDrain.drain(context);
        assertThat(deliveryStatus()).isEqualTo("DONE");
        assertThat(comments(key)).hasSize(1);
    }

    @Test
    void aTicketUnlinkedBeforeItsCommentWentOutIsSkipped() {
        String kept = linkedTicket("an-1");
        String unlinked = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\"}");
        long link = api.get("/api/v1/links?subjectType=anomaly&subjectId=an-1").json().get(1).path("id").asLong();
        assertThat(api.delete("/api/v1/links/" + link).status()).isEqualTo(204);
        ObjectStateDrain.drain(context);

        assertThat(comments(kept)).hasSize(1);
        assertThat(comments(unlinked)).isEmpty();
        JsonNode tickets = api.get(STATE + "-history").json().get(0).path("tickets");
        assertThat(tickets.findValuesAsString("status")).containsExactly("DONE", "SKIPPED");
    }

    @Test
    void anObjectWithNoLinkedTicketIsNothingToDoAndNothingIsStored() {
        ProductApi.Reply posted = api.post(STATE, "{\"state\":\"acknowledged\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(posted.json().path("detail").asString()).contains("no Jira ticket is linked to anomaly an-1");
        assertThat(api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"hello\"}").json()
                .path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(api.get(STATE + "-history").json()).isEmpty();
        assertThat(rows("object_change")).isZero();
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsStoredOrSent() {
        String key = linkedTicket("an-1");
        refused(api.post(STATE, "{\"state\":\"\"}"), 400, "state");
        refused(api.post(STATE, "{\"state\":\"acknowledged\\narchived\"}"), 400, "one line");
        refused(api.post(STATE, "{\"state\":\"" + "x".repeat(65) + "\"}"), 400, "64");
        refused(api.post(STATE, "{\"state\":\"ok\",\"by\":\"Dana\\nEve\"}"), 400, "by");
        refused(api.post(STATE, "{\"state\":\"ok\",\"note\":\"" + "n".repeat(10_001) + "\"}"), 400, "note");
        refused(api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\" \"}"), 400, "body");
        refused(api.post("/api/v1/objects/Anomaly!/an-1/state", "{\"state\":\"ok\"}"), 400, "object type");

        ProductApi other = journey.newOrganization("Other Product");
        ProductApi.Reply foreign = other.post(STATE, "{\"state\":\"archived\"}");
        assertThat(foreign.status()).as("another organization sees no ticket of this object").isEqualTo(200);
        assertThat(foreign.json().path("outcome").asString()).isEqualTo("nothing to do");
        assertThat(other.get(STATE + "-history").json()).isEmpty();

        assertThat(rows("object_change")).isZero();
        assertThat(rows("object_change_comment")).isZero();
        assertThat(ObjectStateDrain.drain(context)).isZero();
        assertThat(comments(key)).isEmpty();
        assertThat(objectStates("an-1")).containsOnlyNulls();
    }

    @Test
    void theConsoleShowsTheObjectsStateHistoryBesideItsTickets() {
        String key = linkedTicket("an-1");
        api.post(STATE, "{\"state\":\"acknowledged\",\"note\":\"Seen <b>late</b>\",\"by\":\"Dana\"}");
        api.post("/api/v1/objects/anomaly/an-1/comments", "{\"body\":\"Root cause found\"}");
        ObjectStateDrain.drain(context);
        var people = context.getBean(People.class);

        String page = ConsoleClient.signIn(journey.port(), people.create(api.organizationId(), Role.MEMBER))
                .get("/admin/links?subjectType=anomaly&subjectId=an-1").body();
        String history = page.substring(page.indexOf("data-testid=\"state-history\""));
        assertThat(history).contains("State: Acknowledged").contains("by Dana").contains("Comment")
                .contains("Root cause found").contains("Seen &lt;b&gt;late&lt;/b&gt;").contains(key).contains("Commented")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(history.indexOf("Comment")).as("newest first").isLessThan(history.indexOf("State: Acknowledged"));

        ProductApi other = journey.newOrganization("Other Product");
        String foreign = ConsoleClient.signIn(journey.port(), people.create(other.organizationId(), Role.ADMIN))
                .get("/admin/links?subjectType=anomaly&subjectId=an-1").body();
        assertThat(foreign).contains("No state or comment was sent").doesNotContain("Acknowledged");
    }

    /** A ticket filed by a person in Jira and linked to the anomaly by key; answers its key. */
    private String linkedTicket(String anomaly) {
        String key = jira.admin().createIssue("FERRY", "Task", "Freshness of " + anomaly);
        ProductApi.Reply linked = api.post("/api/v1/links", """
                {"site":"%s","issueKey":"%s","subject":{"type":"anomaly","id":"%s","title":"Late rows"}}"""
                .formatted(clientKey, key, anomaly));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return key;
    }

    /** The ticket's comments as a person reads them: paragraphs on their own lines. */
    private List<String> comments(String key) {
        List<String> texts = new ArrayList<>();
        for (JsonNode comment : issue(key).path("fields").path("comment").path("comments")) {
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode block : comment.path("body").path("content")) {
                StringBuilder text = new StringBuilder();
                block.path("content").forEach(inline -> text.append(
                        inline.path("type").asString().equals("hardBreak") ? "\n" : inline.path("text").asString("")));
                paragraphs.add(text.toString());
            }
            texts.add(String.join("\n", paragraphs));
        }
        return texts;
    }

    private String issueId(String key) {
        return issue(key).path("id").asString();
    }

    /** The issue as Jira's REST API shows it (the simulator speaks Jackson 2; Ferry's tests read Jackson 3). */
    private JsonNode issue(String key) {
        return ProductApi.JSON.readTree(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().toString());
    }

    private String deliveryStatus() {
        return api.get(STATE + "-history").json().get(0).path("tickets").get(0).path("status").asString();
    }

    private List<String> objectStates(String objectId) {
        return context.getBean(JdbcClient.class).sql("select object_state from ticket_link where object_id = ?")
                .param(objectId).query(String.class).list();
    }

    private long rows(String table) {
        return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }
}
