package dev.ferry.template;

import static dev.ferry.template.AdfAssertions.assertJiraAccepts;
import static dev.ferry.template.AdfAssertions.lastBlockText;
import static dev.ferry.template.AdfAssertions.nodesOfType;
import static dev.ferry.template.AdfAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Descriptions are always ADF Jira accepts: default, plain text or an ADF template, and never too long. */
class DescriptionTest {

    final TicketTemplates templates = new TicketTemplates();

    @Test
    void aBlankTemplateGivesTheDefaultDescriptionWithFiguresWhenAndTheResultsCard() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.TEXT, " ", Facts.guardrailBreach()));

        String text = String.join("", texts(doc));
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("type").asString()).isEqualTo("doc");
        assertThat(text).contains("experimentName: Checkout button", "guardrailMetric: error rate",
                "observedValue: 2.4%", "thresholdValue: 1%", "experiment.guardrail_breached at 2026-11-25T14:43:00Z")
                .doesNotContain("resultsUrl");
        assertThat(nodesOfType(doc, "inlineCard")).singleElement()
                .satisfies(card -> assertThat(card.path("attrs").path("url").asString()).isEqualTo(Facts.RESULTS));
    }

    @Test
    void theDefaultDescriptionListsTheFiguresInTheVariablesOrder() {
        JsonNode doc = templates.description(DescriptionFormat.ADF, null, Facts.guardrailBreach());

        assertThat(String.join("", texts(nodesOfType(doc, "bulletList").get(0))))
                .containsSubsequence("experimentName", "guardrailMetric", "observedValue", "thresholdValue");
    }

    @Test
    void theSubjectTitleLinksToTheSubjectOnlyWhenItIsAWebUrl() {
        JsonNode linked = templates.description(DescriptionFormat.TEXT, null, Facts.guardrailBreach());
        JsonNode unlinked = assertJiraAccepts(templates.description(DescriptionFormat.TEXT, null,
                new EventFacts("e", "Checkout button", "javascript:alert(1)", Map.of(), Facts.AT)));

        assertThat(linked.toString()).contains("\"href\":\"https://app.example.com/experiments/42\"");
        assertThat(texts(unlinked)).contains("Checkout button");
        assertThat(unlinked.toString()).doesNotContain("href", "javascript");
    }

    @Test
    void thereIsNoInlineCardWithoutAValidResultsUrl() {
        JsonNode missing = templates.description(DescriptionFormat.TEXT, "", Facts.with(Map.of("a", "1")));
        JsonNode notWeb = templates.description(DescriptionFormat.TEXT, "", Facts.withVariable("resultsUrl", "ftp://x/y"));
        JsonNode empty = templates.description(DescriptionFormat.TEXT, "", Facts.withVariable("resultsUrl", ""));

        for (JsonNode doc : new JsonNode[] {missing, notWeb, empty}) {
            assertJiraAccepts(doc);
            assertThat(nodesOfType(doc, "inlineCard")).isEmpty();
        }
    }

    @Test
    void textTemplatesSplitParagraphsOnBlankLinesAndTurnSingleNewlinesIntoHardBreaks() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.TEXT,
                "Breach on {{experimentName}}\nmetric {{guardrailMetric}}\n\n\n<b>&\" {{nope}}\n\nlast", Facts.guardrailBreach()));

        JsonNode content = doc.path("content");
        assertThat(content).hasSize(3);
        assertThat(texts(content.get(0))).containsExactly("Breach on Checkout button", "metric error rate");
        assertThat(nodesOfType(content.get(0), "hardBreak")).hasSize(1);
        assertThat(texts(content.get(1))).containsExactly("<b>&\" ");
        assertThat(texts(content.get(2))).containsExactly("last");
    }

    @Test
    void textTemplatesNeverProduceEmptyTextNodes() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.TEXT,
                "{{nope}}a\n{{nope}}\nb\n\n{{nope}}\n\nc\n\n\n{{nope}}", Facts.guardrailBreach()));

        assertThat(texts(doc)).containsExactly("a", "b", "c");
        assertThat(doc.path("content")).hasSize(3);
    }

    @Test
    void aTextTemplateThatRendersBlankFallsBackToTheDefaultDescription() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.TEXT, "{{nope}}\n\n", Facts.guardrailBreach()));

        assertThat(nodesOfType(doc, "inlineCard")).hasSize(1);
    }

    @Test
    void theEventsOwnFieldsAreVariablesToo() {
        JsonNode doc = templates.description(DescriptionFormat.TEXT, "{{eventType}} on {{subjectTitle}}", Facts.guardrailBreach());

        assertThat(texts(doc)).containsExactly("experiment.guardrail_breached on Checkout button");
    }

    @Test
    void aFortyThousandCharacterValueIsCutToJirasLimitAndEndsWithTheNote() {
        EventFacts huge = Facts.withVariable("observedValue", "x\"\\".repeat(13_334));

        for (JsonNode doc : new JsonNode[] {
            templates.description(DescriptionFormat.TEXT, null, huge),
            templates.description(DescriptionFormat.TEXT, "Value: {{observedValue}}", huge),
            templates.description(DescriptionFormat.ADF, ADF_WITH_VALUE, huge),
            templates.comment(huge)}) {
            assertJiraAccepts(doc);
            assertThat(AdfJson.size(doc)).isGreaterThan(30_000);
            assertThat(lastBlockText(doc)).isEqualTo(AdfTrimmer.NOTE);
        }
    }

    @Test
    void aDescriptionWithinTheLimitIsNotCut() {
        JsonNode doc = templates.description(DescriptionFormat.TEXT, null, Facts.guardrailBreach());

        assertThat(String.join("", texts(doc))).doesNotContain("(cut:");
    }

    @Test
    void manyVariablesAreCutAtAFigureBoundaryAndStayValid() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            variables.put("figure" + i, "value " + i);
        }

        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, "", Facts.with(variables)));

        assertThat(lastBlockText(doc)).isEqualTo(AdfTrimmer.NOTE);
    }

    static final String ADF_WITH_VALUE = """
            {"version":1,"type":"doc","content":[
              {"type":"paragraph","content":[{"type":"text","text":"Observed {{observedValue}}"}]}]}
            """;
}
