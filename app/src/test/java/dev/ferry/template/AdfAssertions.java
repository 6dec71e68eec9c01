package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Every document a test sees must be one Jira would take: valid against Ferry's ADF schema, within the size
 * limit, and accepted by the simulator's own check.
 */
final class AdfAssertions {

    private AdfAssertions() {
    }

    static JsonNode assertJiraAccepts(JsonNode document) {
        assertThat(AdfSchema.shared().problem(document)).as("schema problem of %s", document).isEmpty();
        assertThat(AdfSchema.shared().isValid(document)).isTrue();
        assertThat(AdfJson.size(document)).isLessThanOrEqualTo(32_767);
        assertThat(SimulatorAdf.problem(document)).as("simulator's verdict on %s", document).isEmpty();
        return document;
    }

    /** Every {@code text} value in document order. */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    /** The text of the document's last top-level block. */
    static String lastBlockText(JsonNode document) {
        JsonNode content = document.path("content");
        return String.join("", texts(content.get(content.size() - 1)));
    }

    static List<JsonNode> nodesOfType(JsonNode node, String type) {
        List<JsonNode> found = new ArrayList<>();
        if (type.equals(node.path("type").asString(""))) {
            found.add(node);
        }
        node.path("content").forEach(child -> found.addAll(nodesOfType(child, type)));
        return found;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if ("text".equals(node.path("type").asString("")) && node.path("text").isString()) {
            texts.add(node.path("text").asString());
        }
        node.path("content").forEach(child -> collect(child, texts));
    }
}
