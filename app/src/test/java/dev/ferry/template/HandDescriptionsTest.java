package dev.ferry.template;

import static dev.ferry.template.AdfAssertions.assertJiraAccepts;
import static dev.ferry.template.AdfAssertions.nodesOfType;
import static dev.ferry.template.AdfAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A hand ticket's description: the person's words first, then the object's context in its own marked section. */
class HandDescriptionsTest {

    private static final HandDescriptions.ObjectContext ANOMALY = new HandDescriptions.ObjectContext("Acme Data",
            "anomaly", "an-7", "Row count dropped", "https://app.example.com/anomalies/an-7", "open",
            facts("table", "orders", "drop", "-38%"));

    @Test
    void plainTextComesFirstAndTheContextFollowsUnderItsOwnHeading() {
        JsonNode description = assertJiraAccepts(HandDescriptions.compose("Please look.\n\nIt is odd.", null, ANOMALY));

        List<String> texts = texts(description);
        assertThat(texts.subList(0, 2)).containsExactly("Please look.", "It is odd.");
        assertThat(texts).contains("Context from Acme Data", "anomaly", "an-7", "Row count dropped", "open", "orders",
                "-38%");
        JsonNode heading = nodesOfType(description, "heading").get(0);
        assertThat(heading.path("attrs").path("level").asInt()).isEqualTo(3);
        assertThat(nodesOfType(description, "rule")).hasSize(1);
        assertThat(nodesOfType(description, "inlineCard").get(0).path("attrs").path("url").asString())
                .isEqualTo("https://app.example.com/anomalies/an-7");
    }

    @Test
    void anAdfDescriptionIsKeptAsGivenBeforeTheContext() {
        ObjectNode adf = AdfNodes.doc(List.of(AdfNodes.paragraph(List.of(AdfNodes.strong("Bold words")))));

        JsonNode description = assertJiraAccepts(HandDescriptions.compose(null, adf, ANOMALY));

        assertThat(description.path("content").get(0)).isEqualTo(adf.path("content").get(0));
        assertThat(texts(description)).contains("Context from Acme Data");
    }

    @Test
    void withoutADescriptionOnlyTheContextIsSent() {
        JsonNode description = assertJiraAccepts(HandDescriptions.compose(null, null, ANOMALY));

        assertThat(description.path("content").get(0).path("type").asString()).isEqualTo("rule");
    }

    @Test
    void aLinkThatIsNotAWebAddressIsLeftOutOfTheContext() {
        HandDescriptions.ObjectContext context = new HandDescriptions.ObjectContext("Acme", "anomaly", "an-8", "T",
                "javascript:alert(1)", null, Map.of());

        JsonNode description = assertJiraAccepts(HandDescriptions.compose("x", null, context));

        assertThat(nodesOfType(description, "inlineCard")).isEmpty();
        assertThat(texts(description)).doesNotContain("javascript:alert(1)");
    }

    @Test
    void aDescriptionOverJirasLimitIsCutButTheContextIsKeptWhole() {
        JsonNode description = assertJiraAccepts(HandDescriptions.compose("word ".repeat(20_000), null, ANOMALY));

        assertThat(AdfJson.size(description)).isLessThanOrEqualTo(AdfJson.MAX_CHARS);
        List<String> texts = texts(description);
        assertThat(texts).contains(AdfTrimmer.NOTE, "Context from Acme Data", "-38%");
        assertThat(texts.indexOf(AdfTrimmer.NOTE)).isLessThan(texts.indexOf("Context from Acme Data"));
    }

    @Test
    void anInvalidAdfDocumentIsNamedWithItsReason() {
        ObjectNode noVersion = AdfNodes.doc(List.of(AdfNodes.paragraph("x")));
        noVersion.remove("version");
        ObjectNode emptyText = AdfNodes.doc(List.of(AdfNodes.paragraph(List.of(AdfNodes.text("")))));

        assertThat(HandDescriptions.problem(noVersion)).hasValueSatisfying(p -> assertThat(p).contains("version"));
        assertThat(HandDescriptions.problem(emptyText)).isPresent();
        assertThat(HandDescriptions.problem(AdfNodes.doc(List.of(AdfNodes.paragraph("fine"))))).isEmpty();
    }

    private static Map<String, String> facts(String... pairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put(pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
