package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.fault.Fault;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A worker dies, or its lease runs out, between Jira's answer and Ferry's record of it: the next attempt
 * finds the ticket or comment the dead one wrote, and nothing is filed twice.
 */
class CrashRecoveryJourneyTest extends WithLinkedDestination {

    @Test
    void aWorkerThatDiesAfterJiraCreatedTheTicketLeavesNoDuplicate() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.answerLost(), 1);
        int before = jira.data().issueCount();
        String eventId = api.postEvent(guardrail("exp-5", "Crash course"));

        DeliveryDrain.drain(context);
        assertThat(jira.data().issueCount()).as("Jira created it, Ferry never heard").isEqualTo(before + 1);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString()).isEqualTo("pending");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(delivery.path("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-5").json()).hasSize(1);
        RecoverySearches.searchedRecentIssuesForTheMarkerWithoutAPropertyClause(jira);
        journey.assertNoSpecViolations();
    }

    @Test
    void aWorkerKilledBetweenJirasAnswerAndFerrysRecordLeavesNoDuplicate() {
        int before = jira.data().issueCount();
        String eventId = api.postEvent(guardrail("exp-16", "Killed worker"));
        assertThat(DeliveryDrain.drainDyingAfterJiraAnswers(context)).isTrue();
        assertThat(jira.data().issueCount()).as("Jira has the ticket, Ferry has no record of it").isEqualTo(before + 1);

        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString())
                .as("the dead worker's lease still holds the delivery").isEqualTo("pending");
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
        RecoverySearches.searchedRecentIssuesForTheMarkerWithoutAPropertyClause(jira);
    }

    @Test
    void aWorkerWhoseClaimRanOutLeavesTheDeliveryToTheWorkerThatClaimedItNext() {
        int before = jira.data().issueCount();
        String eventId = api.postEvent(guardrail("exp-18", "Stalled worker"));
        var stalled = DeliveryDrain.claimAndStall(context);
        assertThat(stalled.size()).isEqualTo(1);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);

        stalled.resume(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("comment").path("total").asInt()).as("the stale worker commented").isZero();
    }

    @Test
    void aLostAnswerToACommentLeavesNoSecondComment() {
        api.postEvent(guardrail("exp-15", "Comment crash"));
        DeliveryDrain.drain(context);
        jira.faults().add("POST", "/rest/api/3/issue/[^/]+/comment", Fault.answerLost(), 1);
        String again = api.postEvent(guardrail("exp-15", "Comment crash"));
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + again).json().path("outcome").asString()).isEqualTo("pending");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(again);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("comment").path("total").asInt()).isEqualTo(1);
    }
}
