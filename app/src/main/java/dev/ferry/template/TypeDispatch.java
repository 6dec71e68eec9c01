package dev.ferry.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the ADF schema's {@code anyOf} lists of node types into {@code if type is X then ...} chains.
 * Plain {@code anyOf} makes a validator try every node type against every node, recursing into each wrong
 * alternative's children; dispatching on {@code type} first accepts and refuses exactly the same documents
 * (every rewritten alternative pins {@code type} to one value) in a fraction of the time.
 */
final class TypeDispatch {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** {@code if/then/else} needs draft-07; the ADF schema uses no keyword whose meaning differs from draft-04. */
    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private final JsonNode definitions;

    private TypeDispatch(JsonNode definitions) {
        this.definitions = definitions;
    }

    /** A rewritten copy of the schema. */
    static ObjectNode rewrite(JsonNode schema) {
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        copy.put("$schema", DRAFT_07);
        new TypeDispatch(schema.path("definitions")).visit(copy);
        return copy;
    }

    private void visit(JsonNode node) {
        if (node instanceof ObjectNode object) {
            // Children first: the chain written here holds same-type anyOf lists that must stay as they are.
            object.values().forEach(this::visit);
            if (object.get("anyOf") instanceof ArrayNode alternatives) {
                byType(alternatives).ifPresent(chain -> {
                    object.remove("anyOf");
                    object.setAll(chain);
                });
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::visit);
        }
    }

    private Optional<ObjectNode> byType(ArrayNode alternatives) {
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        for (JsonNode alternative : alternatives) {
            String type = pinnedType(alternative, 0);
            if (type == null) {
                return Optional.empty();
            }
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(alternative);
        }
        ObjectNode chain = unknownType(byType.keySet());
        List<String> types = new ArrayList<>(byType.keySet());
        for (int i = types.size() - 1; i >= 0; i--) {
            chain = ifTypeThen(types.get(i), byType.get(types.get(i)), chain);
        }
        return Optional.of(chain);
    }

    /** The one value the alternative allows for {@code type}, or null when it does not pin one. */
    private String pinnedType(JsonNode schema, int depth) {
        if (depth > 8) {
            return null;
        }
        if (schema.path("$ref").isString()) {
            String ref = schema.get("$ref").asString();
            return ref.startsWith("#/definitions/")
                    ? pinnedType(definitions.path(ref.substring("#/definitions/".length())), depth + 1) : null;
        }
        JsonNode values = schema.path("properties").path("type").path("enum");
        if (values.isArray() && values.size() == 1 && values.get(0).isString()) {
            return values.get(0).asString();
        }
        for (JsonNode part : schema.path("allOf")) {
            String type = pinnedType(part, depth + 1);
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static ObjectNode ifTypeThen(String type, List<JsonNode> alternatives, ObjectNode otherwise) {
        ObjectNode chain = JSON.objectNode();
        chain.set("if", typeIs(JSON.arrayNode().add(type)));
        if (alternatives.size() == 1) {
            chain.set("then", alternatives.get(0).deepCopy());
        } else {
            ArrayNode anyOf = JSON.arrayNode();
            alternatives.forEach(alternative -> anyOf.add(alternative.deepCopy()));
            chain.set("then", JSON.objectNode().set("anyOf", anyOf));
        }
        chain.set("else", otherwise);
        return chain;
    }

    private static ObjectNode unknownType(Iterable<String> types) {
        ArrayNode allowed = JSON.arrayNode();
        types.forEach(allowed::add);
        return typeIs(allowed);
    }

    private static ObjectNode typeIs(ArrayNode values) {
        ObjectNode schema = JSON.objectNode();
        schema.set("required", JSON.arrayNode().add("type"));
        schema.set("properties", JSON.objectNode().set("type", JSON.objectNode().set("enum", values)));
        return schema;
    }
}
