package dev.ferry.template;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ADF description templates: parsed as JSON before anything is substituted, so variables only ever land
 * inside string values and a value like {@code "}]}} cannot change the document's structure.
 */
final class AdfTemplates {

    private AdfTemplates() {
    }

    /** The template as a JSON tree, or a refusal saying where the JSON breaks. */
    static JsonNode parse(String template) {
        try {
            return AdfJson.MAPPER.readTree(template);
        } catch (JacksonException e) {
            throw new InvalidTemplateException("not JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    /** Refuses anything but an ADF document root. */
    static void checkRoot(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidTemplateException("$: an ADF document must be a JSON object");
        }
        if (!"doc".equals(tree.path("type").asString(""))) {
            throw new InvalidTemplateException("$.type: an ADF document must have \"type\": \"doc\"");
        }
        JsonNode version = tree.path("version");
        if (!version.isIntegralNumber() || version.asInt() != 1) {
            throw new InvalidTemplateException("$.version: an ADF document must have \"version\": 1");
        }
    }

    /** Every string value is its own mustache template, so each must compile on its own. */
    static void checkMustache(JsonNode node, String path) {
        if (node.isString()) {
            PlainTextTemplates.check(node.asString(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkMustache(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.properties().forEach(property -> checkMustache(property.getValue(), path + "." + property.getKey()));
        }
    }

    /** Substitutes the variables into the string values and repairs what became empty. */
    static ObjectNode render(JsonNode tree, Map<String, ?> scope) {
        JsonNode rendered = JsonTemplates.render(tree, scope);
        AdfCleaner.clean(rendered);
        return (ObjectNode) rendered;
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1
                ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
