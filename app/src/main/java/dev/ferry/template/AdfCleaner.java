package dev.ferry.template;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Repairs what substitution breaks in an ADF template: a variable that rendered empty leaves a text node
 * without characters, a link without an href or a card without a URL, all of which Jira refuses.
 */
final class AdfCleaner {

    private static final Set<String> CARDS = Set.of("inlineCard", "blockCard", "embedCard");

    private AdfCleaner() {
    }

    /** Cleans the document in place. */
    static void clean(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("marks") instanceof ArrayNode marks) {
            dropBrokenLinks(object, marks);
        }
        if (object.get("content") instanceof ArrayNode content) {
            for (int i = content.size() - 1; i >= 0; i--) {
                if (isEmpty(content.get(i))) {
                    content.remove(i);
                } else {
                    clean(content.get(i));
                }
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        String type = node.path("type").asString("");
        if (type.equals("text")) {
            return node.path("text").isString() && node.path("text").asString().isEmpty();
        }
        JsonNode attrs = node.path("attrs");
        return CARDS.contains(type) && attrs.path("url").asString("").isBlank() && !attrs.has("data");
    }

    private static void dropBrokenLinks(ObjectNode owner, ArrayNode marks) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            JsonNode mark = marks.get(i);
            if ("link".equals(mark.path("type").asString("")) && mark.path("attrs").path("href").asString("").isBlank()) {
                marks.remove(i);
            }
        }
        if (marks.isEmpty()) {
            owner.remove("marks");
        }
    }
}
