package dev.ferry.template;

import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Follows a validator's evaluation path (with its {@code $ref} hops) back into the raw schema document. */
final class SchemaPaths {

    private SchemaPaths() {
    }

    /** The schema object holding the keyword the path ends in. */
    static JsonNode resolveParent(JsonNode schemaJson, NodePath evaluationPath) {
        JsonNode node = schemaJson;
        for (int i = 0; i < evaluationPath.getNameCount() - 1 && !node.isMissingNode(); i++) {
            Object element = evaluationPath.getElement(i);
            if ("$ref".equals(element)) {
                node = schemaJson.at(node.path("$ref").asString("").replaceFirst("^#", ""));
            } else if (node.isArray()) {
                node = node.path(Integer.parseInt(String.valueOf(element)));
            } else {
                node = node.path(String.valueOf(element));
            }
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
