package dev.ferry.template;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Substitutes variables inside the string values of a JSON document only, so a value holding quotes
 * or braces can never change the document's structure.
 */
public final class JsonTemplates {

    private JsonTemplates() {
    }

    public static JsonNode render(JsonNode template, Map<String, ?> scope) {
        JsonNode copy = template.deepCopy();
        return substitute(copy, scope);
    }

    private static JsonNode substitute(JsonNode node, Map<String, ?> scope) {
        if (node.isString()) {
            return StringNode.valueOf(PlainTextTemplates.render(node.asString(), scope));
        }
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> object.set(name, substitute(object.get(name), scope)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), scope));
            }
        }
        return node;
    }
}
