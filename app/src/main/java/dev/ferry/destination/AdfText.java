package dev.ferry.destination;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A rendered ADF description read as plain text for the rule editor's preview: a line per block, links written out. */
final class AdfText {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "listItem", "tableRow", "codeBlock",
            "blockquote", "panel", "rule", "mediaSingle");

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
        String type = node.path("type").asString("");
        switch (type) {
            case "text" -> text.append(node.path("text").asString(""));
            case "hardBreak" -> text.append('\n');
            case "inlineCard", "blockCard" -> text.append(node.path("attrs").path("url").asString(""));
            case "tableCell", "tableHeader" -> text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? "" : " | ");
            case "listItem" -> text.append("• ");
            default -> {
            }
        }
        node.path("content").forEach(child -> append(child, text));
        // A list item's paragraph already ended its line: one line per block, never an empty one between.
        if (BLOCKS.contains(type) && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
