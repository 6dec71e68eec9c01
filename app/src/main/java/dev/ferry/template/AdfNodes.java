package dev.ferry.template;

import dev.ferry.url.WebUrls;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small factories for the few ADF nodes Ferry writes itself. */
final class AdfNodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdfNodes() {
    }

    static ObjectNode doc(List<? extends JsonNode> blocks) {
        ObjectNode doc = JSON.objectNode().put("version", 1).put("type", "doc");
        doc.set("content", array(blocks));
        return doc;
    }

    static ObjectNode paragraph(List<? extends JsonNode> inlines) {
        return node("paragraph", inlines);
    }

    /** A paragraph of one text; callers make sure the text is not empty (ADF needs at least one character). */
    static ObjectNode paragraph(String text) {
        return paragraph(List.of(text(text)));
    }

    static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "text").put("text", text);
    }

    static ObjectNode strong(String text) {
        ObjectNode node = text(text);
        node.set("marks", JSON.arrayNode().add(JSON.objectNode().put("type", "strong")));
        return node;
    }

    static ObjectNode link(String text, String href) {
        ObjectNode mark = JSON.objectNode().put("type", "link");
        mark.set("attrs", JSON.objectNode().put("href", href));
        ObjectNode node = text(text);
        node.set("marks", JSON.arrayNode().add(mark));
        return node;
    }

    static ObjectNode hardBreak() {
        return JSON.objectNode().put("type", "hardBreak");
    }

    static ObjectNode inlineCard(String url) {
        ObjectNode card = JSON.objectNode().put("type", "inlineCard");
        card.set("attrs", JSON.objectNode().put("url", url));
        return card;
    }

    static ObjectNode bulletList(List<? extends JsonNode> paragraphs) {
        return node("bulletList", paragraphs.stream().map(p -> node("listItem", List.of(p))).toList());
    }

    /** Only absolute http(s) URLs become links and cards; anything else would be a broken or unsafe link. */
    static boolean isWebUrl(String value) {
        return value != null && WebUrls.isHttp(value.strip());
    }

    private static ObjectNode node(String type, List<? extends JsonNode> content) {
        ObjectNode node = JSON.objectNode().put("type", type);
        node.set("content", array(content));
        return node;
    }

    private static ArrayNode array(List<? extends JsonNode> nodes) {
        ArrayNode array = JSON.arrayNode();
        nodes.forEach(array::add);
        return array;
    }
}
