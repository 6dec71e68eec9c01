package dev.ferry.template;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the schema validator's errors into one short reason. ADF lists every node type as an alternative
 * ({@code anyOf}), so a single mistake yields hundreds of errors, nearly all from alternatives whose
 * {@code type} never matched; those are dropped ({@link TypeDispatch} already avoids most of them), and the
 * deepest remaining error is the one a person can fix.
 */
final class SchemaErrorReason {

    private SchemaErrorReason() {
    }

    static String of(List<Error> errors, JsonNode document, JsonNode schemaJson) {
        List<String> wrongTypeBranches = wrongTypeBranches(errors);
        Comparator<Error> deepest = Comparator.comparingInt(error -> error.getInstanceLocation().getNameCount());
        Error chosen = errors.stream()
                .filter(error -> wrongTypeBranches.stream().noneMatch(branch -> under(error, branch)))
                .max(deepest)
                .orElseGet(() -> errors.stream().max(deepest).orElseThrow());
        return isUnknownType(chosen) ? unknownType(chosen, document) : describe(chosen, document, schemaJson);
    }

    /** Evaluation paths of the alternatives whose node {@code type} did not match, up to their {@code anyOf/n}. */
    private static List<String> wrongTypeBranches(List<Error> errors) {
        List<String> branches = new ArrayList<>();
        for (Error error : errors) {
            if (isTypeMismatch(error) && !isUnknownType(error)) {
                String path = error.getEvaluationPath().toString();
                int alternative = Math.max(path.lastIndexOf("/anyOf/"), path.lastIndexOf("/oneOf/"));
                if (alternative >= 0) {
                    int end = path.indexOf('/', alternative + "/anyOf/".length());
                    branches.add((end < 0 ? path : path.substring(0, end)) + "/");
                }
            }
        }
        return branches;
    }

    /** The last {@code else} of a {@link TypeDispatch} chain: no node type allowed here has this name. */
    private static boolean isUnknownType(Error error) {
        String path = error.getEvaluationPath().toString();
        return path.endsWith("/else/properties/type/enum") || path.endsWith("/else/required");
    }

    private static boolean isTypeMismatch(Error error) {
        NodePath at = error.getInstanceLocation();
        return "enum".equals(error.getKeyword()) && at.getNameCount() > 0
                && "type".equals(at.getElement(at.getNameCount() - 1));
    }

    private static boolean under(Error error, String branch) {
        return error.getEvaluationPath().toString().startsWith(branch);
    }

    private static String describe(Error error, JsonNode document, JsonNode schemaJson) {
        NodePath at = error.getInstanceLocation();
        int nodeDepth = nearestNode(document, at);
        String type = at.getNameCount() == 0 && nodeDepth == 0 ? "doc" : typeAt(document, at, nodeDepth);
        String relative = relativePath(at, nodeDepth);
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return location(at, nodeDepth) + ": " + type + " requires " + relative
                    + requiredPath(error, schemaJson);
        }
        String subject = relative.isEmpty() ? type + ":" : type + " " + relative.substring(0, relative.length() - 1);
        return location(at, nodeDepth) + ": " + subject + " " + error.getMessage();
    }

    /** A missing {@code attrs} is named by the attribute it must hold, e.g. {@code attrs.level}. */
    private static String requiredPath(Error error, JsonNode schemaJson) {
        String missing = error.getProperty();
        JsonNode nodeSchema = SchemaPaths.resolveParent(schemaJson, error.getEvaluationPath());
        JsonNode required = nodeSchema.path("properties").path(missing).path("required");
        return required.isArray() && !required.isEmpty() ? missing + "." + required.get(0).asString() : missing;
    }

    private static String unknownType(Error error, JsonNode document) {
        NodePath at = error.getInstanceLocation();
        NodePath node = "enum".equals(error.getKeyword()) ? at.getParent() : at;
        JsonNode value = InstancePaths.at(document, node, node.getNameCount()).path("type");
        int depth = node.getNameCount();
        String kind = depth >= 2 && "marks".equals(node.getElement(depth - 2)) ? "mark" : "node type";
        return InstancePaths.format(node, depth) + (value.isString()
                ? ": '" + value.asString() + "' is not a " + kind + " allowed here" : ": a " + kind + " needs a type");
    }

    /** How many path elements lead to the closest object that has a {@code type}, the ADF node the error is in. */
    private static int nearestNode(JsonNode document, NodePath at) {
        for (int depth = at.getNameCount(); depth > 0; depth--) {
            if (InstancePaths.at(document, at, depth).path("type").isString()) {
                return depth;
            }
        }
        return 0;
    }

    private static String typeAt(JsonNode document, NodePath at, int depth) {
        return InstancePaths.at(document, at, depth).path("type").asString("node");
    }

    private static String location(NodePath at, int depth) {
        return InstancePaths.format(at, depth);
    }

    private static String relativePath(NodePath at, int from) {
        StringBuilder relative = new StringBuilder();
        for (int i = from; i < at.getNameCount(); i++) {
            relative.append(at.getElement(i)).append('.');
        }
        return relative.toString();
    }
}
