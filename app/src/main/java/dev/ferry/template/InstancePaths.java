package dev.ferry.template;

import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Walks and prints locations inside a document, in the {@code $.content[0].attrs} form people read. */
final class InstancePaths {

    private InstancePaths() {
    }

    /** The value at the first {@code depth} elements of the path, or a missing node. */
    static JsonNode at(JsonNode document, NodePath path, int depth) {
        JsonNode node = document;
        for (int i = 0; i < depth && node != null; i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    static String format(NodePath path, int depth) {
        StringBuilder out = new StringBuilder("$");
        for (int i = 0; i < depth; i++) {
            Object element = path.getElement(i);
            out.append(element instanceof Integer ? "[" + element + "]" : "." + element);
        }
        return out.toString();
    }
}
