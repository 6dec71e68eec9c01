package dev.ferry.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Plain text as ADF: a blank line starts a new paragraph, a single newline becomes a hard break. */
final class PlainTextAdf {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n\\s*");

    private PlainTextAdf() {
    }

    /** The paragraphs of the text; none when the text is blank. */
    static List<ObjectNode> paragraphs(String text) {
        List<ObjectNode> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n').strip())) {
            if (!block.isBlank()) {
                paragraphs.add(AdfNodes.paragraph(lines(block)));
            }
        }
        return paragraphs;
    }

    private static List<JsonNode> lines(String block) {
        List<JsonNode> inlines = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            if (!inlines.isEmpty()) {
                inlines.add(AdfNodes.hardBreak());
            }
            // A text node needs at least one character; an empty line is just the break.
            if (!line.isEmpty()) {
                inlines.add(AdfNodes.text(line));
            }
        }
        return inlines;
    }
}
