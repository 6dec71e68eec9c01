package dev.ferry.template;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cuts a document that Jira would refuse for its size: trailing content goes, the last text that still fits
 * is shortened, and a note says the description was cut. Jira would otherwise refuse the whole ticket.
 */
final class AdfTrimmer {

    static final String NOTE = "… (cut: this description was longer than Jira allows)";

    private AdfTrimmer() {
    }

    /** The document itself when it fits, otherwise a cut copy ending with the note. */
    static ObjectNode fit(ObjectNode document, int maxChars) {
        if (AdfJson.size(document) <= maxChars) {
            return document;
        }
        ObjectNode note = AdfNodes.paragraph(NOTE);
        ObjectNode shell = AdfNodes.doc(List.of(note));
        int budget = maxChars - AdfJson.size(shell) - 1;
        List<JsonNode> kept = keep(document.path("content"), budget);
        kept.add(note);
        return AdfNodes.doc(kept);
    }

    /** The leading children that fit into the budget (commas included), the last one cut if needed. */
    private static List<JsonNode> keep(JsonNode children, int budget) {
        List<JsonNode> kept = new ArrayList<>();
        int left = budget;
        for (JsonNode child : children) {
            int cost = AdfJson.size(child) + (kept.isEmpty() ? 0 : 1);
            if (cost <= left) {
                kept.add(child);
                left -= cost;
                continue;
            }
            JsonNode cut = cut(child, left - (kept.isEmpty() ? 0 : 1));
            if (cut != null) {
                kept.add(cut);
            }
            break;
        }
        return kept;
    }

    /** A shortened copy of the node within the budget, or null when nothing meaningful fits. */
    private static JsonNode cut(JsonNode node, int budget) {
        if (!(node instanceof ObjectNode object) || budget <= 0) {
            return null;
        }
        if (object.path("text").isString()) {
            return cutText(object, budget);
        }
        if (!(object.get("content") instanceof ArrayNode)) {
            return null;
        }
        ObjectNode shell = object.deepCopy();
        shell.set("content", shell.arrayNode());
        List<JsonNode> kept = keep(object.get("content"), budget - AdfJson.size(shell));
        if (kept.isEmpty()) {
            return null;
        }
        kept.forEach(((ArrayNode) shell.get("content"))::add);
        return shell;
    }

    /** The longest prefix (whole code points) whose escaped JSON still fits; escapes make this a search. */
    private static JsonNode cutText(ObjectNode node, int budget) {
        String text = node.get("text").asString();
        ObjectNode copy = node.deepCopy();
        int low = 0;
        int high = text.codePointCount(0, text.length());
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            copy.put("text", prefix(text, middle));
            if (AdfJson.size(copy) <= budget) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        if (low == 0) {
            return null;
        }
        copy.put("text", prefix(text, low));
        return copy;
    }

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
