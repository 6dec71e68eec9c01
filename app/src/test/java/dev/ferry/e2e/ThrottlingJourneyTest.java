package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.support.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Jira's throttling and its refusals of the token's times only delay deliveries: a storm of 429s loses and
 * doubles none, and a Ferry node's clock being off is retried and raised on health, never taken for
 * rejected credentials.
 */
class ThrottlingJourneyTest extends WithLinkedDestination {

    @Test
    void aStormOf429sDelaysDeliveriesButLosesAndDoublesNone() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.rateLimited(Duration.ofSeconds(1), "jira-quota-tenant-based"), 12);
        int before = jira.data().issueCount();
        for (int i = 0; i < 5; i++) {
            api.postEvent(guardrail("storm-" + i, "Storm " + i));
        }
        Settle.deliveries(context);
        assertThat(jira.data().issueCount()).isEqualTo(before + 5);
        assertThat(jira.calls().stream().filter(call -> call.status() == 429).count()).isEqualTo(12);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=storm-" + i).json()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5M", "PT5M"})
    void jiraRefusingTheTokensTimesIsAClockProblemRetriedNotRejectedCredentials(String jiraClockOffset) {
        assumeTrue(kind == SiteKind.INSTALL, "only the app's JWT carries times Jira can refuse");
        jira.clockOffset(Duration.parse(jiraClockOffset));
        String eventId = api.postEvent(guardrail("exp-clock", "Clock"));
        DeliveryDrain.drain(context);

        JsonNode retrying = api.delivery(eventId);
        assertThat(retrying.path("status").asString()).isEqualTo("PENDING");
        assertThat(retrying.path("lastError").asString()).contains("clock skew");
        assertThat(api.get("/api/v1/sites").json().path("sites").get(0).path("credentials").path("state").asString())
                .isEqualTo("ok");
        assertThat(health("/actuator/health")).contains("\"status\":\"CLOCK_SKEW\"");

        jira.clockOffset(Duration.ZERO);
        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("DONE");
        assertThat(health("/actuator/health")).contains("\"status\":\"UP\"");
    }

    /** The node's health: still answered with 200 while Jira refuses its clock, the status being the alert. */
    private String health(String path) {
        int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
        var response = new Http(managementPort).get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
