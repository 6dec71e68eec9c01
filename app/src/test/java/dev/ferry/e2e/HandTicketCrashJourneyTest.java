package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Users;
import dev.ferry.ticket.HandTicketDrain;
import dev.ferry.ticket.TicketDraft;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A ticket filed by hand survives what a rule's delivery survives: Jira's answer lost, the process killed
 * between Jira's answer and Ferry's commit, Jira briefly down. The same idempotency key or the worker
 * finishes it, and Jira ends with exactly one issue, linked once.
 */
class HandTicketCrashJourneyTest extends WithLinkedDestination {

    @Test
    void aLostAnswerLeavesTheTicketPendingAndTheRetryWithTheSameKeyFindsItWithoutASecond() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.answerLost(), 1);
        int before = jira.data().issueCount();
        String body = HandTickets.complete(clientKey, "an-30", Users.MEMBER_ACCOUNT_ID).toString();

        ProductApi.Reply first = api.post("/api/v1/tickets", body, "Idempotency-Key", "an-30");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().path("state").asString()).isEqualTo("PENDING");
        assertThat(jira.data().issueCount()).as("Jira filed it, Ferry never heard").isEqualTo(before + 1);

        HandTicketDrain.timePasses(context);
        ProductApi.Reply retried = api.post("/api/v1/tickets", body, "Idempotency-Key", "an-30");
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/links?subjectType=anomaly&subjectId=an-30").json()).hasSize(1);
        RecoverySearches.searchedRecentIssuesForTheMarkerWithoutAPropertyClause(jira);
        journey.assertNoSpecViolations();
    }

    @Test
    void aProcessKilledBetweenJirasAnswerAndItsCommitIsFinishedByTheWorkerWithOneIssue() {
        int before = jira.data().issueCount();
        TicketDraft draft = new TicketDraft(clientKey, "FERRY", "Task", "Null rate of customers.email rose", "Since 02:00.",
                null, "Medium", List.of("nulls"), Users.MEMBER_ACCOUNT_ID, new TicketDraft.TicketObject("anomaly",
                        "an-31", "Null rate rose", "https://dq.example.com/anomalies/an-31", "open", HandTickets.FACTS));

        assertThat(HandTicketDrain.createDyingAfterJiraAnswers(context, api.organizationId(), draft, "an-31")).isTrue();
        assertThat(jira.data().issueCount()).as("Jira has the issue, Ferry no record of it").isEqualTo(before + 1);
        assertThat(HandTicketDrain.drain(context)).as("the dead request's lease still holds it").isZero();

        HandTicketDrain.timePasses(context);
        assertThat(HandTicketDrain.drain(context)).isEqualTo(1);
        JsonNode links = api.get("/api/v1/links?subjectType=anomaly&subjectId=an-31").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("origin").asString()).isEqualTo("HAND");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
        JsonNode audited = api.get("/api/v1/audit?action=TICKET_CREATED_BY_HAND").json().path("records");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("actor").asString()).as("the worker keeps who asked, not itself")
                .isEqualTo("api-key:" + HandTicketDrain.DYING_KEY_ID);
        RecoverySearches.searchedRecentIssuesForTheMarkerWithoutAPropertyClause(jira);
        journey.assertNoSpecViolations();
    }

    @Test
    void jiraBrieflyDownAnswers202AndTheWorkerFilesTheTicketLater() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.serverError(503), 1);
        int before = jira.data().issueCount();

        ProductApi.Reply pending = api.post("/api/v1/tickets",
                HandTickets.complete(clientKey, "an-32", Users.MEMBER_ACCOUNT_ID).toString());
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        long id = pending.json().path("id").asLong();
        assertThat(api.get("/api/v1/tickets/" + id).json().path("lastError").asString()).contains("503");

        HandTicketDrain.timePasses(context);
        HandTicketDrain.drain(context);
        JsonNode ticket = api.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.path("state").asString()).isEqualTo("CREATED");
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/links?subjectType=anomaly&subjectId=an-32").json()).hasSize(1);
        assertThat(lastAudited("TICKET_CREATED_BY_HAND").path("actor").asString())
                .as("filed by the worker, audited as the key that asked").isEqualTo(keyActor());
    }
}
