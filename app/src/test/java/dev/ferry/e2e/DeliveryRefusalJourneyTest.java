package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.fault.Fault;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Jira refuses stops a delivery, in Jira's own words, until someone acts: a refused ticket fails and is
 * retried from the log, a 401 parks the site's deliveries until Jira installs the app again, a 403 parks the
 * destination until it is edited, and a refused issue type until its issue types are read again.
 */
class DeliveryRefusalJourneyTest extends WithLinkedDestination {

    @Test
    void aDeliveryJiraRefusesIsFailedWithJirasWordsAndCanBeRetried() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("summary", "Summary is required by a workflow"), 1);
        String eventId = api.postEvent(guardrail("exp-14", "Refused"));
        DeliveryDrain.drain(context);
        JsonNode failed = api.get("/api/v1/events/" + eventId).json();
        assertThat(failed.path("outcome").asString()).isEqualTo("failed");
        JsonNode delivery = failed.path("deliveries").get(0);
        assertThat(delivery.path("lastError").asString()).contains("Summary is required by a workflow");
        JsonNode log = api.get("/api/v1/deliveries?status=failed").json().path("deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("id").asLong()).isEqualTo(delivery.path("id").asLong());
        assertThat(log.get(0).path("eventType").asString()).isEqualTo("experiment.guardrail_breached");
        assertThat(log.get(0).path("projectKey").asString()).isEqualTo("FERRY");
        assertThat(log.get(0).path("lastError").asString()).contains("Summary is required by a workflow");
        refused(api.get("/api/v1/deliveries?status=lost"), 400, "status must be one of");

        assertThat(api.post("/api/v1/deliveries/" + delivery.path("id").asLong() + "/retry", "{}").status()).isEqualTo(202);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/events/" + eventId).json().path("outcome").asString()).isEqualTo("delivered");
        refused(api.post("/api/v1/deliveries/" + delivery.path("id").asLong() + "/retry", "{}"), 409, "is finished");
        assertThat(api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DONE");
    }

    @Test
    void a401ParksTheSitesDeliveriesUntilJiraInstallsTheAppAgain() {
        // A token connection's 401 is repaired by replacing its token: ApiTokenBreakRepairJourneyTest.
        assumeTrue(kind == SiteKind.INSTALL, "installing the app again repairs an install only");
        jira.faults().add("POST", "/rest/api/3/issue", Fault.unauthorized(), 1);
        String eventId = api.postEvent(guardrail("exp-6", "Auth"));
        DeliveryDrain.drain(context);
        JsonNode waiting = api.delivery(eventId);
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        assertThat(api.get("/api/v1/sites").json().toString()).contains("rejected");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString())
                .as("still parked: nothing changed on the site").isEqualTo("WAITING");

        assertThat(jira.site().reinstall().status()).isEqualTo(204);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void a403DisablesTheDestinationUntilItIsEdited() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.forbidden(), 1);
        String eventId = api.postEvent(guardrail("exp-7", "Permissions"));
        DeliveryDrain.drain(context);
        JsonNode repaired = api.get("/api/v1/destinations/" + destination).json();
        assertThat(repaired.path("state").asString()).isEqualTo("REPAIR");
        assertThat(repaired.path("stateReason").asString()).contains("403");

        String rule = """
                {"enabled":true,"issueType":"Bug","priority":"High","summaryTemplate":"[Guardrail] {{guardrailMetric}} on {{experimentName}}","labels":["incident"]}""";
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule).status())
                .isEqualTo(200);
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aRefusedIssueTypeAsksForARefreshWhichRemapsAndResumes() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.fieldError("issuetype", "Specify a valid issue type"), 1);
        String eventId = api.postEvent(guardrail("exp-8", "Issue types"));
        DeliveryDrain.drain(context);
        JsonNode state = api.get("/api/v1/destinations/" + destination).json();
        assertThat(state.path("state").asString()).isEqualTo("REFRESH_ISSUE_TYPES");
        assertThat(state.path("stateReason").asString()).contains("Specify a valid issue type");

        ProductApi.Reply refreshed = api.post("/api/v1/destinations/" + destination + "/refresh-issue-types", "{}");
        assertThat(refreshed.json().path("state").asString()).isEqualTo("ACTIVE");
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("DONE");
    }
}
