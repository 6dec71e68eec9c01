package dev.ferry.objectstate;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comment a change becomes on a ticket, as ADF: a first line that says when, who and what
 * ({@code [2026-01-15 10:30:00 UTC] Acme experiment status: Acknowledged}), then the note or body, then who in
 * the product made it. The time is the change's, so every ticket and every retry shows the same one.
 */
final class CommentText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CommentText() {
    }

    /** The first line, as it reads in Jira. */
    static String heading(ObjectChange change, String organizationName) {
        String prefix = "[" + TIME.format(change.createdAt()) + "] " + organizationName + " " + change.objectType();
        return change.kind() == ChangeKind.STATE ? prefix + " status: " + capitalised(change.state())
                : prefix + " comment:";
    }

    /** A state as a heading shows it: its first letter upper case, the rest as the product gave it. */
    static String capitalised(String state) {
        return state == null || state.isEmpty() ? "" : state.substring(0, 1).toUpperCase(Locale.ROOT) + state.substring(1);
    }

    static ObjectNode adf(ObjectChange change, String organizationName) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(paragraph(heading(change, organizationName)));
        if (change.text() != null) {
            for (String block : change.text().replace("\r\n", "\n").replace('\r', '\n').strip().split("\\n\\s*\\n")) {
                if (!block.isBlank()) {
                    blocks.add(paragraph(block.strip()));
                }
            }
        }
        if (change.by() != null) {
            blocks.add(paragraph("by " + change.by()));
        }
        ObjectNode doc = JSON.objectNode().put("version", 1).put("type", "doc");
        ArrayNode content = doc.putArray("content");
        blocks.forEach(content::add);
        return doc;
    }

    /** A paragraph of the text, its single newlines kept as hard breaks (ADF text may hold none). */
    private static ObjectNode paragraph(String text) {
        ObjectNode paragraph = JSON.objectNode().put("type", "paragraph");
        ArrayNode inlines = paragraph.putArray("content");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                inlines.add(JSON.objectNode().put("type", "hardBreak"));
            }
            if (!lines[i].isEmpty()) {
                inlines.add(JSON.objectNode().put("type", "text").put("text", lines[i]));
            }
        }
        return paragraph;
    }

    /** The text of an ADF comment this class wrote, paragraphs on their own lines: for tests and logs. */
    static String plain(JsonNode adf) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : adf.path("content")) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            for (JsonNode inline : block.path("content")) {
                text.append(inline.path("type").asString("").equals("hardBreak") ? "\n" : inline.path("text").asString(""));
            }
        }
        return text.toString();
    }
}
