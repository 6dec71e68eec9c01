package dev.ferry.event;

import static dev.ferry.web.ApiProblem.require;

import dev.ferry.template.VariableNames;
import java.util.List;

/** Refuses an event type definition its columns could not hold or events could never satisfy. */
final class CatalogCheck {

    /** The size of {@code event_type.variables} (migration V13), the names joined by commas. */
    static final int MAX_VARIABLE_NAMES_CHARS = 8000;

    private CatalogCheck() {
    }

    static void check(String type, List<String> variables, String issueType, String priority, String summaryTemplate,
            List<String> labels, int maxVariables) {
        require(type.matches("[a-z][a-z0-9_.-]{0,127}"), "an event type is lower case letters, digits, '_', '.' or '-'");
        require(variables.stream().allMatch(CatalogCheck::isVariable),
                "variables are plain names, optionally ending in '?'");
        require(variables.size() <= maxVariables && String.join(",", variables).length() <= MAX_VARIABLE_NAMES_CHARS,
                "at most " + maxVariables + " variables, as events carry at most that many");
        require(issueType != null && !issueType.isBlank() && issueType.length() <= 255,
                "issueType is required, at most 255 characters");
        require(priority == null || priority.length() <= 64, "priority is at most 64 characters");
        require(summaryTemplate != null && !summaryTemplate.isBlank() && summaryTemplate.length() <= 2048,
                "summaryTemplate must be 1 to 2048 characters");
        require(labels.stream().allMatch(label -> label != null && label.matches("[^\\s,]{1,255}")),
                "labels must be words without spaces or commas");
        require(String.join(",", labels).length() <= EventTypeDefinition.MAX_LABELS_CHARS,
                "labels take at most " + EventTypeDefinition.MAX_LABELS_CHARS + " characters together");
    }

    /** A plain variable name, ending in {@code ?} when events may leave the variable out. */
    private static boolean isVariable(String name) {
        return name != null && VariableNames.isPlain(name.endsWith("?") ? name.substring(0, name.length() - 1) : name);
    }
}
