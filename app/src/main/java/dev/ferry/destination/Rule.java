package dev.ferry.destination;

import dev.ferry.event.EventCatalog;
import dev.ferry.template.DescriptionFormat;
import java.time.Instant;
import java.util.List;
import org.springframework.data.relational.core.mapping.Table;

/** How one destination files tickets for one event type. */
@Table("delivery_rule")
public record Rule(long version, boolean enabled, String issueType, String issueTypeId, String priority,
        String summaryTemplate, DescriptionFormat descriptionFormat, String descriptionTemplate, String labels,
        Instant updatedAt) {

    static Rule from(RuleSettings settings, String issueTypeId, long version, Instant now) {
        return new Rule(version, settings.enabled(), settings.issueType(), issueTypeId, settings.priority(),
                settings.summaryTemplate(), settings.descriptionFormat(), settings.descriptionTemplate(),
                String.join(",", settings.labels()), now);
    }

    public List<String> labelList() {
        return EventCatalog.split(labels);
    }

    RuleSettings settings() {
        return new RuleSettings(enabled, issueType, priority, summaryTemplate, descriptionFormat, descriptionTemplate,
                labelList());
    }

    Rule withIssueTypeId(String id, Instant now) {
        return new Rule(version + 1, enabled, issueType, id, priority, summaryTemplate, descriptionFormat,
                descriptionTemplate, labels, now);
    }
}
