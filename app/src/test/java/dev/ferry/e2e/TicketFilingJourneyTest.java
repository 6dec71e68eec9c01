package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.panel.GlanceDrain;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A product posts events to Ferry over HTTP and tickets appear in the simulated Jira, filed with the
 * preset's fields and linked back, once: a repeated idempotency key and concurrent firings for one object
 * never file twice, and a hostile value in a template stays valid ADF; over every kind of connection, filed
 * as the account the connection calls Jira as.
 */
class TicketFilingJourneyTest extends WithLinkedDestination {

    @Test
    void anEventFilesATicketWithThePresetsFieldsAndLinksItBack() {
        String eventId = api.postEvent(guardrail("exp-1", "Checkout redesign"));
        DeliveryDrain.drain(context);

        JsonNode event = api.get("/api/v1/events/" + eventId).json();
        assertThat(event.path("outcome").asString()).isEqualTo("delivered");
        JsonNode delivery = event.path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(delivery.path("outcome").asString()).isEqualTo("CREATED");
        String key = delivery.path("issueKey").asString();

        var fields = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("[Guardrail] Error rate breached on Checkout redesign");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"incident\"]");
        assertThat(fields.path("description").toString()).contains("inlineCard").contains("https://exp.example/exp-1");
        assertThat(fields.path("reporter").path("accountId").asText()).as("filed as the connection's account")
                .isEqualTo(site.filer(jira));
        assertThat(jira.data().issueProperty(key, "ferry-delivery")).isPresent();
        assertThat(journey.answered("POST", "/rest/api/3/issue/" + delivery.path("issueId").asString() + "/remotelink")
                + journey.answered("POST", "/rest/api/3/issue/" + key + "/remotelink")).isEqualTo(1);

        JsonNode links = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-1").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("issueKey").asString()).isEqualTo(key);
        assertThat(links.get(0).path("eventType").asString()).isEqualTo("experiment.guardrail_breached");
        assertThat(links.get(0).path("issueUrl").asString()).isEqualTo(jira.baseUrl() + "/browse/" + key);
        assertThat(api.get("/api/v1/audit?action=ISSUE_CREATED").json().toString()).contains(key);

        assertThat(GlanceDrain.drain(context)).as("the badge came with the create: no refresh, no call of its own")
                .isZero();
        assertThat(journey.answered("PUT", "/rest/api/3/issue/" + delivery.path("issueId").asString() + "/properties/"
                + PanelsWithJiraTest.BADGE)).isZero();
        if (kind == SiteKind.INSTALL) {
            assertThat(jira.data().issueProperty(key, PanelsWithJiraTest.BADGE).orElseThrow().path("value").path("label")
                    .asText()).isEqualTo("1");
        } else {
            assertThat(jira.data().issueProperty(key, PanelsWithJiraTest.BADGE)).as("no app, no glance").isEmpty();
        }
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneEvent() {
        String body = guardrail("exp-3", "Search ranking", "fire-42");
        String first = api.postEvent(body);
        ProductApi.Reply repeat = api.post("/api/v1/events", body);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.json().path("id").asString()).isEqualTo(first);
        assertThat(repeat.json().path("duplicate").asBoolean()).isTrue();
        DeliveryDrain.drain(context);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
    }

    @Test
    void concurrentFiringsForOneObjectFileOneTicketAndCommentTheRest() throws Exception {
        int before = jira.data().issueCount();
        for (int i = 0; i < 6; i++) {
            api.postEvent(guardrail("exp-4", "Onboarding"));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            nodes.submit(() -> DeliveryDrain.drain(context));
        }
        nodes.shutdown();
        assertThat(nodes.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Settle.deliveries(context);
        assertThat(jira.data().issueCount()).isEqualTo(before + 1);
        assertThat(journey.answered("POST", "/rest/api/3/issue")).isEqualTo(1);
        JsonNode links = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-4").json();
        String key = links.get(0).path("issueKey").asString();
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                .path("total").asInt()).isEqualTo(5);
    }

    @Test
    void aTemplateInjectionAttemptStaysValidAdf() {
        String adf = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Experiment {{experimentName}} at {{observedValue}}"}]}]}""";
        String rule = "{\"enabled\":true,\"issueType\":\"Bug\",\"priority\":\"High\",\"summaryTemplate\":\"{{experimentName}}\","
                + "\"descriptionFormat\":\"ADF\",\"descriptionTemplate\":" + ProductApi.JSON.writeValueAsString(adf)
                + ",\"labels\":[\"incident\"]}";
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule).status())
                .isEqualTo(200);
        String hostile = "\\\"}]}],\\\"type\\\":\\\"x\\\",{{observedValue}}";
        String eventId = api.postEvent(guardrail("exp-11", hostile));
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("DONE");
        var description = jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("description");
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.toString()).contains("\\\"}]}],\\\"type\\\":\\\"x\\\"");
    }
}
