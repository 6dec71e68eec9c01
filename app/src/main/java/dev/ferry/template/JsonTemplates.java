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

    /** Renders every string value within one description's budget. */
    public static JsonNode render(JsonNode template, Map<String, ?> scope) {
        return render(template, scope, RenderBudget.description());
    }

    static JsonNode render(JsonNode template, Map<String, ?> scope, RenderBudget budget) {
        JsonNode copy = template.deepCopy();
        return substitute(copy, scope, budget);
    }

    private static JsonNode substitute(JsonNode node, Map<String, ?> scope, RenderBudget budget) {
        if (node.isString()) {
            String rendered = PlainTextTemplates.render(node.asString(), scope, budget);
            // Once the budget is spent a value is all or nothing: a link cut short would lead somewhere else.
            boolean cut = budget.overflowed() && node.asString().contains("{{");
            return StringNode.valueOf(cut ? "" : rendered);
        }
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> object.set(name, substitute(object.get(name), scope, budget)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), scope, budget));
            }
        }
        return node;
    }
}
