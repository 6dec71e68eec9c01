package dev.ferry.destination;

import dev.ferry.event.EventTypeDefinition;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.template.DescriptionFormat;
import dev.ferry.template.TemplateLimits;
import dev.ferry.template.TicketTemplates;

/** Refuses rule settings that could never file a valid ticket, before anything is saved. */
final class RuleCheck {

    private RuleCheck() {
    }

    /** Every field's refusal at once, as one problem; the templates are parsed only once their fields fit. */
    static void check(RuleSettings settings, TicketTemplates templates) {
        BodyChecks body = new BodyChecks();
        body.require(settings.issueType() != null && !settings.issueType().isBlank() && settings.issueType().length() <= 255,
                "/issueType", "issueType is required (a name of the project's issue types)");
        body.require(settings.summaryTemplate() != null && !settings.summaryTemplate().isBlank()
                && settings.summaryTemplate().length() <= TemplateLimits.MAX_SUMMARY_CHARS,
                "/summaryTemplate", "summaryTemplate must be 1 to " + TemplateLimits.MAX_SUMMARY_CHARS + " characters");
        body.require(settings.priority() == null || settings.priority().length() <= 64, "/priority",
                "priority is at most 64 characters");
        boolean wordLabels = body.require(settings.labels() != null && settings.labels().stream()
                .allMatch(label -> label != null && label.matches("[^\\s,]{1,255}")),
                "/labels", "labels must be words without spaces or commas");
        body.require(!wordLabels || String.join(",", settings.labels()).length() <= EventTypeDefinition.MAX_LABELS_CHARS,
                "/labels", "labels take at most " + EventTypeDefinition.MAX_LABELS_CHARS + " characters together");
        body.require(settings.descriptionTemplate() == null
                || settings.descriptionTemplate().length() <= TemplateLimits.MAX_DESCRIPTION_CHARS,
                "/descriptionTemplate",
                String.format("descriptionTemplate is at most %,d characters", TemplateLimits.MAX_DESCRIPTION_CHARS));
        body.refuseIfAny();
        templates.validateSummary(settings.summaryTemplate());
        if (settings.descriptionTemplate() != null && !settings.descriptionTemplate().isBlank()) {
            templates.validate(settings.descriptionFormat() == null ? DescriptionFormat.TEXT : settings.descriptionFormat(),
                    settings.descriptionTemplate());
        }
    }
}
