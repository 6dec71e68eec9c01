package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstate.ObjectStateDrain;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.sitelink.SiteLinks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Between an object's change and its comment on a ticket, workers die, leases run out, Jira loses answers,
 * fails, rejects credentials, and tickets are deleted or unlinked: each ticket still gets the comment at most
 * once, and one ticket's trouble never holds back another's.
 */
class ObjectStateRecoveryJourneyTest extends ObjectStateJourneys {

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
        var stalled = ObjectStateDrain.claimAndStall(context);
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
}
