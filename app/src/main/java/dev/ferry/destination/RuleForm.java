package dev.ferry.destination;

import dev.ferry.template.DescriptionFormat;
import java.util.Arrays;
import java.util.List;

/**
 * A rule as the editor's form holds it: the saved rule when the page opens, what the person typed when
 * saving was refused (so nothing typed is lost).
 *
 * @param labels labels separated by commas or spaces
 */
record RuleForm(String eventType, boolean enabled, String issueType, String priority, String summaryTemplate,
        String descriptionFormat, String descriptionTemplate, String labels) {

    static RuleForm of(String eventType, Rule rule) {
        return new RuleForm(eventType, rule.enabled(), rule.issueType(), rule.priority() == null ? "" : rule.priority(),
                rule.summaryTemplate(), rule.descriptionFormat().name(),
                rule.descriptionTemplate() == null ? "" : rule.descriptionTemplate(), String.join(", ", rule.labelList()));
    }

    /** What the service checks and saves; an unknown format is left for it to refuse as plain text is the default. */
    RuleSettings settings() {
        return new RuleSettings(enabled, issueType, priority == null || priority.isBlank() ? null : priority,
                summaryTemplate, format(), descriptionTemplate == null || descriptionTemplate.isBlank() ? null
                        : descriptionTemplate, labelList());
    }

    DescriptionFormat format() {
        return "ADF".equals(descriptionFormat) ? DescriptionFormat.ADF : DescriptionFormat.TEXT;
    }

    List<String> labelList() {
        return labels == null ? List.of()
                : Arrays.stream(labels.split("[,\\s]+")).filter(label -> !label.isBlank()).toList();
    }
}
