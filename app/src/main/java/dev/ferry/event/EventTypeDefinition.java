package dev.ferry.event;

import java.util.List;

/**
 * One event type of an organization's catalog, with the rule a new destination starts from.
 *
 * @param variables the variables events of this type carry; a name ending in {@code ?} is optional
 * @param enabled   whether new destinations file tickets for it before anyone toggles it
 */
public record EventTypeDefinition(String type, List<String> variables, boolean enabled, String issueType, String priority,
        String summaryTemplate, List<String> labels) {

    /** The size of the labels columns ({@code delivery_rule.labels}, {@code event_type.labels}), joined by commas. */
    public static final int MAX_LABELS_CHARS = 2048;

    /** The variable names without the optional marker. */
    public List<String> variableNames() {
        return variables.stream().map(EventTypeDefinition::bare).toList();
    }

    /** The variables an event must carry. */
    public List<String> requiredVariables() {
        return variables.stream().filter(name -> !name.endsWith("?")).toList();
    }

    private static String bare(String name) {
        return name.endsWith("?") ? name.substring(0, name.length() - 1) : name;
    }
}
