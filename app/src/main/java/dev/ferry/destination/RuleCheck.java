package dev.ferry.destination;

import static dev.ferry.refusal.Refusal.require;

import dev.ferry.event.EventTypeDefinition;
import dev.ferry.template.DescriptionFormat;
import dev.ferry.template.TemplateLimits;
import dev.ferry.template.TicketTemplates;

/** Refuses rule settings that could never file a valid ticket, before anything is saved. */
final class RuleCheck {

    private RuleCheck() {
    }

    static void check(RuleSettings settings, TicketTemplates templates) {
        require(settings.issueType() != null && !settings.issueType().isBlank() && settings.issueType().length() <= 255,
                "issueType is required (a name of the project's issue types)");
        require(settings.summaryTemplate() != null && !settings.summaryTemplate().isBlank()
                && settings.summaryTemplate().length() <= TemplateLimits.MAX_SUMMARY_CHARS,
                "summaryTemplate must be 1 to " + TemplateLimits.MAX_SUMMARY_CHARS + " characters");
        require(settings.priority() == null || settings.priority().length() <= 64, "priority is at most 64 characters");
        require(settings.labels() != null && settings.labels().stream()
                .allMatch(label -> label != null && label.matches("[^\\s,]{1,255}")),
                "labels must be words without spaces or commas");
        require(String.join(",", settings.labels()).length() <= EventTypeDefinition.MAX_LABELS_CHARS,
                "labels take at most " + EventTypeDefinition.MAX_LABELS_CHARS + " characters together");
        require(settings.descriptionTemplate() == null
                || settings.descriptionTemplate().length() <= TemplateLimits.MAX_DESCRIPTION_CHARS,
                String.format("descriptionTemplate is at most %,d characters", TemplateLimits.MAX_DESCRIPTION_CHARS));
        templates.validateSummary(settings.summaryTemplate());
        if (settings.descriptionTemplate() != null && !settings.descriptionTemplate().isBlank()) {
            templates.validate(settings.descriptionFormat() == null ? DescriptionFormat.TEXT : settings.descriptionFormat(),
                    settings.descriptionTemplate());
        }
    }

}
