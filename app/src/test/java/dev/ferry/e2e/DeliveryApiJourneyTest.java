package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product API around deliveries: previews that file nothing, an event type added to the catalog, rules
 * checked against the project's issue types and their columns, bad input that changes nothing and reaches
 * no Jira, and the OpenAPI document that describes it all.
 */
// What Ferry checks before Jira is asked: the same whatever the connection; once is enough.
@SiteKind.Only(SiteKind.INSTALL)
class DeliveryApiJourneyTest extends WithLinkedDestination {

    @Test
    void aPreviewRendersARuleAgainstSampleVariablesAndFilesNothing() {
        jira.reset();
        ProductApi.Reply preview = api.post("/api/v1/destinations/" + destination
                + "/rules/experiment.guardrail_breached/preview",
                "{\"variables\":{\"experimentName\":\"Checkout\",\"guardrailMetric\":\"Latency <p95>\"}}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("summary").asString()).isEqualTo("[Guardrail] Latency <p95> breached on Checkout");
        assertThat(preview.json().path("description").path("type").asString()).isEqualTo("doc");

        ProductApi.Reply draft = api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"{{a}} and {{unknown}}!","descriptionFormat":"TEXT","descriptionTemplate":"Line {{a}}",
                 "sample":{"variables":{"a":"x & y"}}}""");
        assertThat(draft.json().path("summary").asString()).isEqualTo("x & y and !");
        assertThat(draft.json().path("description").toString()).contains("Line x & y");
        refused(api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"x","descriptionFormat":"ADF","descriptionTemplate":"{\\"type\\":\\"doc\\"}"}"""), 400, "");
        assertThat(jira.calls()).isEmpty();
    }

    @Test
    void anEventTypeAddedToTheCatalogFilesNothingUntilItsRuleIsSwitchedOn() {
        ProductApi.Reply added = api.put("/api/v1/event-types/anomaly.detected", """
                {"variables":["monitorName","metric","observedValue","resultsUrl?"],"issueType":"Task",
                 "summaryTemplate":"[Anomaly] {{metric}} on {{monitorName}}","labels":["data-quality"]}""");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/event-types").json().toString()).contains("anomaly.detected");
        String anomaly = """
                {"type":"anomaly.detected","subject":{"type":"monitor","id":"m-2","title":"Orders"},
                 "variables":{"monitorName":"Orders","metric":"row count","observedValue":12}}""";
        assertThat(api.post("/api/v1/events", anomaly).json().path("deliveries").asInt()).isZero();

        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/anomaly.detected", """
                {"enabled":true,"issueType":"Task","summaryTemplate":"[Anomaly] {{metric}} on {{monitorName}}","labels":["data-quality"]}""")
                .status()).isEqualTo(200);
        String eventId = api.postEvent(anomaly);
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("summary").asText()).isEqualTo("[Anomaly] row count on Orders");
    }

    @Test
    void aRuleNamingAnIssueTypeTheProjectLacksIsRefusedNamingTheValidOnesAndTheDestinationStaysActive() {
        String rule = """
                {"enabled":true,"issueType":"Epic","summaryTemplate":"[Guardrail] {{experimentName}}","labels":["incident"]}""";

        ProductApi.Reply reply = api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", rule);

        refused(reply, 400, "no issue type named \"Epic\"");
        assertThat(reply.json().path("detail").asString()).contains("Task").contains("Bug").contains("Story");
        JsonNode after = api.get("/api/v1/destinations/" + destination).json();
        assertThat(after.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(after.toString()).doesNotContain("Epic");
        assertThat(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                rule.replace("Epic", "story")).status()).isEqualTo(200);
    }

    @Test
    void ruleLabelsLongerThanTheirColumnAreRefused() {
        String labels = String.join(",", java.util.Collections.nCopies(10, "\"" + "l".repeat(250) + "\""));

        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"labels\":[" + labels + "]}"), 400, "2048");
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void everyBadFieldOfARuleIsNamedInOneAnswerAndNothingIsSaved() {
        String before = api.get("/api/v1/destinations/" + destination).json().toString();

        ProductApi.Reply reply = api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\" \",\"summaryTemplate\":\"\",\"priority\":\"" + "p".repeat(65)
                        + "\",\"labels\":[\"two words\"]}");

        refused(reply, 400, "issueType is required");
        assertThat(reply.json().path("title").asString()).isEqualTo("Invalid request body");
        assertThat(reply.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/issueType", "/summaryTemplate", "/priority", "/labels");
        assertThat(api.get("/api/v1/destinations/" + destination).json().toString()).isEqualTo(before);
    }

    @Test
    void badInputGetsAProblemStoresNothingAndSendsNothingToJira() {
        ProductApi other = journey.newOrganization("Someone else");
        String ownEvent = api.postEvent(guardrail("exp-12", "Mine"));
        DeliveryDrain.drain(context);
        jira.reset();
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String counts = "select (select count(*) from product_event) || '/' || (select count(*) from ticket_delivery)"
                + " || '/' || (select count(*) from delivery_rule where version > 0)";
        String before = jdbc.sql(counts).query(String.class).single();

        refused(api.post("/api/v1/events", guardrail("exp-13", "x").replace("guardrail_breached", "made_up")),
                400, "unknown event type");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x").replace("\"guardrailMetric\":\"Error rate\",", "")),
                400, "guardrailMetric");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x".repeat(10_001))), 400, "longer than");
        refused(api.post("/api/v1/events", "{\"type\":"), 400, "");
        refused(api.post("/api/v1/events", guardrail("exp-13", "x").replace("https://exp.example/exp-13\"", "javascript:alert(1)\"")),
                400, "subject.url");
        String badAdf = "{\"enabled\":true,\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"descriptionFormat\":\"ADF\","
                + "\"descriptionTemplate\":\"{\\\"version\\\":1,\\\"type\\\":\\\"doc\\\",\\\"content\\\":[{\\\"type\\\":\\\"heading\\\"}]}\",\"labels\":[]}";
        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached", badAdf), 400, "");
        refused(api.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\",\"descriptionFormat\":\"ADF\",\"descriptionTemplate\":\"not json\"}"),
                400, "");
        refused(api.get("/api/v1/destinations/no-such-destination"), 404, "");
        refused(api.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"FERRY\"}"), 409, "");
        refused(other.get("/api/v1/destinations/" + destination), 404, "");
        refused(other.put("/api/v1/destinations/" + destination + "/rules/experiment.guardrail_breached",
                "{\"issueType\":\"Bug\",\"summaryTemplate\":\"x\"}"), 404, "");
        refused(other.get("/api/v1/events/" + ownEvent), 404, "");
        refused(other.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"OPS\"}"), 404, "");
        refused(journey.api("fy_nope_nope").post("/api/v1/events", guardrail("exp-13", "x")), 401, "");

        assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
        assertThat(jira.calls()).as("nothing reaches Jira").isEmpty();
    }

    @Test
    void theProductApiIsDescribedByAnOpenApiDocument() {
        ProductApi.Reply document = journey.api("").get("/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/links")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/rules/{eventType}")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/test-ticket")).isTrue();
        assertThat(paths.has("/api/v1/destinations/{id}/test-tickets/{issueKey}")).isTrue();
        assertThat(paths.has("/api/v1/deliveries")).isTrue();
        assertThat(paths.has("/api/v1/sites/requests/{id}/confirm")).isTrue();
        assertThat(paths.path("/api/v1/sites").path("post").path("responses").path("202").toString())
                .contains("LinkRequestView");
        assertThat(document.body()).doesNotContain("ApiCaller").doesNotContain("/webhooks/").doesNotContain("/lifecycle/");
        assertThat(document.json().path("components").path("securitySchemes").has("apiKey")).isTrue();
    }
}
