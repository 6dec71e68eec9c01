package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Templates written to run Java, iterate over values or link to {@code javascript:} are refused when saved
 * and previewed; one saved before the limits fails its own delivery with the reason instead of holding a
 * worker, and a link a variable turns into {@code javascript:} never reaches Jira.
 */
// Templates are refused or rendered before Jira is asked: the same whatever the connection.
@SiteKind.Only(SiteKind.INSTALL)
class HostileTemplatesJourneyTest extends WithLinkedDestination {

    static final String GUARDRAIL = "experiment.guardrail_breached";
    static final String FOUR_DEEP = "{{#experimentName}}{{#experimentName}}{{#experimentName}}{{#experimentName}}"
            + "{{experimentName}}{{/experimentName}}{{/experimentName}}{{/experimentName}}{{/experimentName}}";

    @Autowired
    JdbcClient jdbc;

    String rules;

    @BeforeEach
    void thePresetRules() {
        rules = "/api/v1/destinations/" + destination + "/rules/";
    }

    @Test
    void savingATemplateThatCallsMethodsIteratesNestsDeepOrLinksToJavascriptIsRefusedWithTheReason() {
        refused(api.put(rules + GUARDRAIL, rule("{{experimentName.length}}", "TEXT", null)),
                "summary: {{experimentName.length}}: only a variable's name may go inside the braces");
        refused(api.put(rules + GUARDRAIL, rule("x", "TEXT", "{{#experimentName.bytes}}{{.}}{{/experimentName.bytes}}")),
                "template: {{.}}: only a variable's name");
        refused(api.put(rules + GUARDRAIL, rule(FOUR_DEEP, "TEXT", null)), "summary: sections nest more than 3 deep");
        refused(api.put(rules + GUARDRAIL, rule("{{=<% %>=}}<% experimentName.class %>", "TEXT", null)),
                "changing delimiters");
        refused(api.put(rules + GUARDRAIL, rule("x", "ADF", link("javascript:alert(document.cookie)"))),
                "$.content[0].content[0].marks[0].attrs.href: a link must be an absolute http:// or https:// URL");

        JsonNode saved = api.get(rules.replace("/rules/", "")).json();
        assertThat(saved.toString()).as("the preset rule is unchanged").contains("[Guardrail] {{guardrailMetric}}");
        assertThat(jira.calls()).noneMatch(call -> call.method().equals("POST") && call.path().equals("/rest/api/3/issue"));
    }

    @Test
    void previewsRefuseHostileTemplatesAndRenderNestedSectionsOverLongValuesOnce() {
        ProductApi.Reply hostile = api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"{{#a.bytes}}{{#a.bytes}}{{#a.bytes}}{{a}}{{/a.bytes}}{{/a.bytes}}{{/a.bytes}}",
                 "sample":{"variables":{"a":"%s"}}}""".formatted("x".repeat(400)));
        refused(hostile, "summary: {{#a.bytes}}: only a variable's name");

        ProductApi.Reply nested = api.post("/api/v1/templates/preview", """
                {"summaryTemplate":"{{#a}}{{#a}}{{#a}}{{a}}{{/a}}{{/a}}{{/a}}","descriptionFormat":"TEXT",
                 "descriptionTemplate":"{{#a}}{{#a}}{{#a}}{{a}}{{/a}}{{/a}}{{/a}}","sample":{"variables":{"a":"%s"}}}"""
                .formatted("y".repeat(10_000)));
        assertThat(nested.status()).as(nested.body()).isEqualTo(200);
        assertThat(nested.json().path("summary").asString()).hasSize(255).startsWith("yyy").endsWith("…");
        assertThat(nested.json().path("description").toString()).contains("y".repeat(10_000))
                .doesNotContain("y".repeat(10_001));
    }

    @Test
    void aRuleSavedBeforeTheLimitsFailsItsDeliveryAndItsTestTicketWithTheReasonAndFilesNothing() {
        jdbc.sql("update delivery_rule set summary_template = :template where event_type = :type")
                .param("template", FOUR_DEEP).param("type", GUARDRAIL).update();
        refused(api.post(rules + GUARDRAIL + "/preview", "{}"), "summary: sections nest more than 3 deep");
        refused(api.post(rules.replace("/rules/", "/test-ticket"), "{\"eventType\":\"" + GUARDRAIL + "\"}"),
                "the rule's template was refused: summary: sections nest more than 3 deep");

        String eventId = api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout"))
                .json().path("id").asString();
        DeliveryDrain.drain(context);

        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("FAILED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("lastError").asString())
                .isEqualTo("the rule's template was refused: summary: sections nest more than 3 deep (line 1)");
        assertThat(jira.calls()).noneMatch(call -> call.method().equals("POST") && call.path().equals("/rest/api/3/issue"));
    }

    @Test
    void aLinkThatAVariableTurnsIntoJavascriptIsDroppedFromTheTicketAndItsTextKept() {
        assertThat(api.put(rules + GUARDRAIL, rule("{{experimentName}}", "ADF", link("{{resultsUrl}}"))).status())
                .isEqualTo(200);
        String event = Events.guardrail("exp-2", "Checkout")
                .replace("https://exp.example/exp-2/results", "javascript:alert(document.cookie)");

        String eventId = api.post("/api/v1/events", event).json().path("id").asString();
        DeliveryDrain.drain(context);

        JsonNode delivery = api.get("/api/v1/events/" + eventId).json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("DONE");
        var description = jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("description");
        assertThat(description.toString()).contains("\"text\":\"results\"").doesNotContain("javascript", "\"link\"");
    }

    static String rule(String summary, String format, String description) {
        return "{\"enabled\":true,\"issueType\":\"Bug\",\"priority\":\"High\",\"summaryTemplate\":"
                + ProductApi.JSON.writeValueAsString(summary) + ",\"descriptionFormat\":\"" + format + "\""
                + ",\"descriptionTemplate\":" + ProductApi.JSON.writeValueAsString(description) + ",\"labels\":[]}";
    }

    static String link(String href) {
        return """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"results","marks":[{"type":"link","attrs":{"href":"%s"}}]}]}]}""".formatted(href);
    }

    private static void refused(ProductApi.Reply reply, String detail) {
        ProductApi.refused(reply, 400, detail);
    }
}
