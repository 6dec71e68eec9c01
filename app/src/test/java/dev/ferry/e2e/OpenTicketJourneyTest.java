package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.link.ReconcileRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Once filed, an object's ticket is followed: the same event comments on it while it is open and files a
 * new one once it is done, the nightly reconcile brings statuses home and marks deleted issues, and a person
 * links and unlinks tickets by key.
 */
class OpenTicketJourneyTest extends WithLinkedDestination {

    @Test
    void theSameEventWhileTheTicketIsOpenCommentsAndOnceDoneFilesANewOne() {
        api.postEvent(guardrail("exp-2", "Pricing page"));
        DeliveryDrain.drain(context);
        int issues = jira.data().issueCount();

        String again = api.postEvent(guardrail("exp-2", "Pricing page"));
        DeliveryDrain.drain(context);
        JsonNode comment = api.delivery(again);
        assertThat(comment.path("outcome").asString()).isEqualTo("COMMENTED");
        assertThat(jira.data().issueCount()).isEqualTo(issues);
        String key = comment.path("issueKey").asString();
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                .path("total").asInt()).isEqualTo(1);

        jira.admin().transition(key, "Done");
        String third = api.postEvent(guardrail("exp-2", "Pricing page"));
        DeliveryDrain.drain(context);
        JsonNode refiled = api.delivery(third);
        assertThat(refiled.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(refiled.path("issueKey").asString()).isNotEqualTo(key);
        assertThat(jira.data().issueCount()).isEqualTo(issues + 1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-2").json()).hasSize(2);
    }

    @Test
    void theNightlyReconcileBringsStatusesAndMarksDeletedIssuesBroken() {
        api.postEvent(guardrail("exp-9", "Reconciled"));
        api.postEvent(guardrail("exp-10", "Deleted"));
        DeliveryDrain.drain(context);
        String done = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-9").json().get(0).path("issueKey").asString();
        String gone = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-10").json().get(0).path("issueKey").asString();
        jira.admin().transition(done, "Done");
        jira.data().deleteIssue(gone);

        int[] run = ReconcileRun.now(context);
        assertThat(run[0]).isEqualTo(2);
        assertThat(run[2]).isEqualTo(1);
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-9").json().get(0)
                .path("statusCategory").asString()).isEqualTo("done");
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-10").json().get(0)
                .path("broken").asBoolean()).isTrue();
        assertThat(jira.calls().stream().filter(call -> Journey.sitePath(call.path()).equals("/rest/api/3/search/jql")).count()).isEqualTo(1);
    }

    @Test
    void aTicketIsLinkedByKeyByHandAndUnlinkedAuditedBothWays() {
        String key = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        String link = """
                {"site":"%s","issueKey":"%s","subject":{"type":"monitor","id":"m-1","title":"Freshness","url":"https://dq.example/m-1"}}"""
                .formatted(clientKey, key);
        ProductApi.Reply linked = api.post("/api/v1/links", link);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().path("origin").asString()).isEqualTo("MANUAL");
        assertThat(linked.json().path("statusCategory").asString()).isEqualTo("new");
        assertThat(api.get("/api/v1/links?subjectType=monitor&subjectId=m-1").json()).hasSize(1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).as("an existing ticket is not touched").isZero();

        refused(api.post("/api/v1/links", link.replace(key, "FERRY-99999")), 404, "FERRY-99999");
        refused(api.post("/api/v1/links", link.replace(key, "not a key")), 400, "issueKey");
        refused(journey.newOrganization("Other").delete("/api/v1/links/" + linked.json().path("id")),
                404, "");

        assertThat(api.delete("/api/v1/links/" + linked.json().path("id")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/links?subjectType=monitor&subjectId=m-1").json()).isEmpty();
        String audit = api.get("/api/v1/audit").json().toString();
        assertThat(audit).contains("LINK_CREATED_MANUALLY").contains("LINK_REMOVED");
    }
}
