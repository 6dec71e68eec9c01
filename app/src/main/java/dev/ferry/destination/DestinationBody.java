package dev.ferry.destination;

import java.time.Instant;
import java.util.List;

/** A destination as the API shows it. */
record DestinationBody(String id, String site, String projectKey, String state, String stateReason, Instant createdAt,
        Instant updatedAt, List<RuleBody> rules) {

    static DestinationBody of(Destination destination) {
        List<RuleBody> rules = destination.rules().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(rule -> RuleBody.of(rule.getKey(), rule.getValue())).toList();
        return new DestinationBody(destination.id(), destination.clientKey(), destination.projectKey(),
                destination.state().name(), destination.stateReason(), destination.createdAt(), destination.updatedAt(),
                rules);
    }

    /** One rule; {@code issueTypeId} is null while the project has no issue type of that name. */
    record RuleBody(String eventType, boolean enabled, String issueType, String issueTypeId, String priority,
            String summaryTemplate, String descriptionFormat, String descriptionTemplate, List<String> labels,
            Instant updatedAt) {

        static RuleBody of(String eventType, Rule rule) {
            return new RuleBody(eventType, rule.enabled(), rule.issueType(), rule.issueTypeId(), rule.priority(),
                    rule.summaryTemplate(), rule.descriptionFormat().name(), rule.descriptionTemplate(),
                    rule.labelList(), rule.updatedAt());
        }
    }
}
