package dev.ferry.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a rule save changed, for the audit log: each changed field as {@code before → after}, so a reader sees
 * who turned a rule off or rewrote a summary without comparing snapshots. Long templates are shortened.
 */
final class RuleChanges {

    static final int LONGEST_VALUE = 300;

    /** A field of a rule, as the console labels it. */
    private record Field(String label, Function<RuleSettings, String> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("Files tickets", rule -> rule.enabled() ? "yes" : "no"),
            new Field("Issue type", RuleSettings::issueType),
            new Field("Priority", rule -> rule.priority() == null || rule.priority().isBlank() ? "none" : rule.priority()),
            new Field("Summary template", RuleSettings::summaryTemplate),
            new Field("Description format", rule -> String.valueOf(rule.descriptionFormat())),
            new Field("Description template", rule -> blankAsDefault(rule.descriptionTemplate())),
            new Field("Labels", rule -> rule.labels() == null || rule.labels().isEmpty() ? "none"
                    : String.join(", ", rule.labels())));

    private RuleChanges() {
    }

    /** {@code before} null: the rule is new, and every field is listed as set. */
    static String between(RuleSettings before, RuleSettings after) {
        List<String> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            String now = field.value().apply(after);
            if (before == null) {
                changes.add(field.label() + ": " + quoted(now));
                continue;
            }
            String was = field.value().apply(before);
            if (!Objects.equals(was, now)) {
                changes.add(field.label() + ": " + quoted(was) + " → " + quoted(now));
            }
        }
        return changes.isEmpty() ? "Saved without changes" : String.join("; ", changes);
    }

    private static String blankAsDefault(String template) {
        return template == null || template.isBlank() ? "(default)" : template;
    }

    private static String quoted(String value) {
        String text = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return "\"" + (text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE - 1) + "…" : text) + "\"";
    }
}
