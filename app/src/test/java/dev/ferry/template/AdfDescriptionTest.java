package dev.ferry.template;

import static dev.ferry.template.AdfAssertions.assertJiraAccepts;
import static dev.ferry.template.AdfAssertions.lastBlockText;
import static dev.ferry.template.AdfAssertions.nodesOfType;
import static dev.ferry.template.AdfAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** ADF templates substitute inside string values only, so no value can break the document. */
class AdfDescriptionTest {

    final TicketTemplates templates = new TicketTemplates();

    static final String TEMPLATE = """
            {"version":1,"type":"doc","content":[
              {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"{{experimentName}}"}]},
              {"type":"paragraph","content":[
                {"type":"text","text":"Metric: "},
                {"type":"text","text":"{{guardrailMetric}}","marks":[{"type":"strong"}]},
                {"type":"text","text":"{{nope}}"},
                {"type":"text","text":"results","marks":[{"type":"link","attrs":{"href":"{{resultsUrl}}"}}]}]},
              {"type":"paragraph","content":[{"type":"inlineCard","attrs":{"url":"{{resultsUrl}}"}}]}]}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"\"}]},{\"type\":\"x", "{{other}}", "\u0000", "\\\"}", "<b>&\"", "}]}"})
    void injectionAttemptsStayTextInsideAValidDocument(String value) {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, TEMPLATE,
                Facts.withVariable("guardrailMetric", value)));

        assertThat(texts(doc)).contains(value);
        assertThat(doc.path("content")).hasSize(3);
        assertThat(String.join("", texts(doc))).doesNotContain(TicketTemplates.INVALID_TEMPLATE_NOTE);
    }

    @Test
    void variablesAreSubstitutedInsideStringValues() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, TEMPLATE, Facts.guardrailBreach()));

        assertThat(texts(doc)).containsExactly("Checkout button", "Metric: ", "error rate", "results");
        assertThat(nodesOfType(doc, "inlineCard").get(0).path("attrs").path("url").asString()).isEqualTo(Facts.RESULTS);
    }

    @Test
    void textNodesThatRenderedEmptyAreRemoved() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, TEMPLATE,
                Facts.withVariable("experimentName", "")));

        assertThat(nodesOfType(doc, "heading").get(0).path("content")).isEmpty();
        assertThat(texts(doc)).doesNotContain("");
    }

    @Test
    void aLinkWhoseHrefRenderedEmptyLosesTheMarkAndACardWithoutUrlGoes() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, TEMPLATE,
                Facts.withVariable("resultsUrl", "")));

        assertThat(doc.toString()).doesNotContain("\"link\"", "inlineCard");
        assertThat(texts(doc)).contains("results");
    }

    @Test
    void aTemplateThatRendersInvalidFallsBackToTheDefaultDescriptionWithANote() {
        String badLevel = """
                {"version":1,"type":"doc","content":[
                  {"type":"heading","attrs":{"level":"{{level}}"},"content":[{"type":"text","text":"x"}]}]}
                """;

        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, badLevel, Facts.guardrailBreach()));

        assertThat(lastBlockText(doc)).isEqualTo(TicketTemplates.INVALID_TEMPLATE_NOTE);
        assertThat(nodesOfType(doc, "inlineCard")).hasSize(1);
    }

    @Test
    void aTemplateThatIsNotJsonAtRenderTimeAlsoFallsBackToTheDefault() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, "{\"version\":1,", Facts.guardrailBreach()));

        assertThat(lastBlockText(doc)).isEqualTo(TicketTemplates.INVALID_TEMPLATE_NOTE);
    }

    @Test
    void theRepeatCommentSaysTheEventFiredAgainWithTheNewFiguresAndTheCard() {
        JsonNode comment = assertJiraAccepts(templates.comment(Facts.guardrailBreach()));

        assertThat(texts(comment).get(0)).isEqualTo("experiment.guardrail_breached fired again at 2026-11-25T14:43:00Z");
        assertThat(String.join("", texts(comment))).contains("observedValue: 2.4%");
        assertThat(nodesOfType(comment, "inlineCard")).hasSize(1);
    }

    @Test
    void aCommentForAnEventWithoutVariablesIsStillValid() {
        assertJiraAccepts(templates.comment(new EventFacts("flag.rule_activated", null, null, null, null)));
    }
}
