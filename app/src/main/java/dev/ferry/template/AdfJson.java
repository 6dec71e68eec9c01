package dev.ferry.template;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads ADF and measures it the way Jira (and the simulator) measure a rich-text field. */
final class AdfJson {

    /** Jira refuses a description or comment whose serialized ADF is longer than this. */
    static final int MAX_CHARS = 32_767;

    /** Jira counts the compact JSON text; slashes stay unescaped, as Jackson 2 on the Jira side writes them. */
    static final JsonMapper MAPPER = JsonMapper.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

    private AdfJson() {
    }

    /** Characters (UTF-16 units) of the compact JSON text, as {@code String.length()} counts them. */
    static int size(JsonNode node) {
        return MAPPER.writeValueAsString(node).length();
    }

    static boolean fits(JsonNode document) {
        return size(document) <= MAX_CHARS;
    }
}
