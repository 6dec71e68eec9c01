package dev.ferry.template;

import static dev.ferry.template.AdfAssertions.assertJiraAccepts;
import static dev.ferry.template.AdfAssertions.nodesOfType;
import static dev.ferry.template.AdfAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A link or card in an ADF template leads to an absolute http(s) URL or is not there at all, like resultsUrl's card. */
class AdfLinksTest {

    final TicketTemplates templates = new TicketTemplates();

    static String linkTo(String href) {
        return """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"results","marks":[{"type":"link","attrs":{"href":"%s"}}]}]}]}""".formatted(href);
    }

    static String cardOf(String url) {
        return """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"inlineCard","attrs":{"url":"%s"}}]}]}""".formatted(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>", "/relative",
            "//evil.example/x", "mailto:a@example.com", "javascript:{{resultsUrl}}", "https:{{resultsUrl}}", "ht{{x}}"})
    void aLinkThatIsNotHttpIsRefusedWhenSavedNamingWhere(String href) {
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, linkTo(href)))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("$.content[0].content[0].marks[0].attrs.href: a link must be an absolute http");
    }

    @Test
    void aCardThatIsNotHttpIsRefusedWhenSaved() {
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, cardOf("javascript:alert(1)")))
                .hasMessageStartingWith("$.content[0].content[0].attrs.url: a link must be an absolute http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/x", "http://example.com", "{{resultsUrl}}",
            "https://example.com/experiments/{{experimentName}}", " {{resultsUrl}}"})
    void httpLinksAndLinksAVariableStartsAreAccepted(String href) {
        assertThatCode(() -> templates.validate(DescriptionFormat.ADF, linkTo(href))).doesNotThrowAnyException();
        assertThatCode(() -> templates.validate(DescriptionFormat.ADF, cardOf(href))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "/relative", "sample"})
    void aLinkAVariableMadeNonHttpIsDroppedWhenRenderedAndTheTextStays(String value) {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, linkTo("{{resultsUrl}}"),
                Facts.withVariable("resultsUrl", value)));

        assertThat(texts(doc)).containsExactly("results");
        assertThat(doc.toString()).doesNotContain("\"link\"", value);
    }

    @Test
    void aCardAVariableMadeNonHttpIsDroppedWhenRendered() {
        JsonNode doc = templates.description(DescriptionFormat.ADF, cardOf("{{resultsUrl}}"),
                Facts.withVariable("resultsUrl", "javascript:alert(1)"));

        assertThat(nodesOfType(doc, "inlineCard")).isEmpty();
        assertThat(doc.toString()).doesNotContain("javascript");
    }

    @Test
    void anHttpLinkAVariableMadeIsKept() {
        JsonNode doc = assertJiraAccepts(templates.description(DescriptionFormat.ADF, linkTo("{{resultsUrl}}"),
                Facts.guardrailBreach()));

        assertThat(doc.toString()).contains("\"href\":\"" + Facts.RESULTS + "\"");
    }

    @Test
    void pastTheOutputBudgetAValueIsAllOrNothingSoNoLinkIsCutShort() {
        JsonNode template = JsonNodeFactory.instance.arrayNode().add("{{a}}").add("{{u}}").add("literal").add("{{a}}");
        RenderBudget budget = new RenderBudget(30, Duration.ofSeconds(5));

        JsonNode rendered = JsonTemplates.render(template, Map.of("a", "x".repeat(20), "u", "https://example.com/abcdef"),
                budget);

        assertThat(rendered.toString()).isEqualTo("[\"" + "x".repeat(20) + "\",\"\",\"literal\",\"\"]");
    }

    @Test
    void hostileNamesInsideAdfStringsAreRefusedWhenSavedNamingThePath() {
        String adf = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"{{#x.bytes}}{{x}}{{/x.bytes}}"}]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, adf))
                .hasMessageStartingWith("$.content[0].content[0].text: {{#x.bytes}}: only a variable's name");
    }
}
