package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** An ADF document read as plain text: text nodes, a line per block, card and link URLs written out. */
final class AdfText {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "listItem", "tableRow", "codeBlock",
            "blockquote", "panel", "rule");

    private AdfText() {
    }

    static String of(JsonNode document) {
        if (document == null || document.isNull()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        append(document, text);
        return text.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder text) {
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> text.append(node.path("text").asText());
            case "hardBreak" -> text.append('\n');
            case "inlineCard", "blockCard" -> text.append(node.path("attrs").path("url").asText());
            case "tableCell", "tableHeader" -> text.append(' ');
            default -> {
            }
        }
        node.path("content").forEach(child -> append(child, text));
        if (BLOCKS.contains(type)) {
            text.append('\n');
        }
    }
}
