package dev.ferry.event;

import static dev.ferry.refusal.Refusal.require;

import dev.ferry.refusal.BodyChecks;
import dev.ferry.template.VariableNames;
import java.util.List;

/**
 * Refuses an event type definition its columns could not hold or events could never satisfy: a malformed
 * name in the path at once, the body's fields all together.
 */
final class CatalogCheck {

    /** The size of {@code event_type.variables} (migration V13), the names joined by commas. */
    static final int MAX_VARIABLE_NAMES_CHARS = 8000;

    private CatalogCheck() {
    }

    static void check(String type, List<String> variables, String issueType, String priority, String summaryTemplate,
            List<String> labels, int maxVariables) {
        require(type.matches("[a-z][a-z0-9_.-]{0,127}"), "an event type is lower case letters, digits, '_', '.' or '-'");
        BodyChecks body = new BodyChecks();
        body.require(variables.stream().allMatch(CatalogCheck::isVariable), "/variables",
                "variables are plain names, optionally ending in '?'");
        body.require(variables.size() <= maxVariables && String.join(",", variables).length() <= MAX_VARIABLE_NAMES_CHARS,
                "/variables", "at most " + maxVariables + " variables, as events carry at most that many");
        body.require(issueType != null && !issueType.isBlank() && issueType.length() <= 255, "/issueType",
                "issueType is required, at most 255 characters");
        body.require(priority == null || priority.length() <= 64, "/priority", "priority is at most 64 characters");
        body.require(summaryTemplate != null && !summaryTemplate.isBlank() && summaryTemplate.length() <= 2048,
                "/summaryTemplate", "summaryTemplate must be 1 to 2048 characters");
        body.require(labels.stream().allMatch(label -> label != null && label.matches("[^\\s,]{1,255}")), "/labels",
                "labels must be words without spaces or commas");
        body.require(String.join(",", labels).length() <= EventTypeDefinition.MAX_LABELS_CHARS, "/labels",
                "labels take at most " + EventTypeDefinition.MAX_LABELS_CHARS + " characters together");
        body.refuseIfAny();
    }

    /** A plain variable name, ending in {@code ?} when events may leave the variable out. */
    private static boolean isVariable(String name) {
        return name != null && VariableNames.isPlain(name.endsWith("?") ? name.substring(0, name.length() - 1) : name);
    }
}
