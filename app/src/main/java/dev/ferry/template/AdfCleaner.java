package dev.ferry.template;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Repairs what substitution breaks in an ADF template: a variable that rendered empty leaves a text node
 * without characters, a link without an href or a card without a URL, all of which Jira refuses; and a
 * link or card whose URL is not http(s) (a variable said {@code javascript:…}) goes, as resultsUrl's card would.
 */
final class AdfCleaner {

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
        if (!AdfLinks.CARDS.contains(type)) {
            return false;
        }
        String url = node.path("attrs").path("url").asString("");
        return url.isBlank() ? !node.path("attrs").has("data") : !AdfNodes.isWebUrl(url);
    }

    private static void dropBrokenLinks(ObjectNode owner, ArrayNode marks) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            JsonNode mark = marks.get(i);
            if ("link".equals(mark.path("type").asString(""))
                    && !AdfNodes.isWebUrl(mark.path("attrs").path("href").asString(""))) {
                marks.remove(i);
            }
        }
        if (marks.isEmpty()) {
            owner.remove("marks");
        }
    }
}
