package dev.ferry.destination;

import dev.ferry.refusal.Refusal;
import dev.ferry.template.DescriptionFormat;
import dev.ferry.template.EventFacts;
import dev.ferry.template.TicketTemplates;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Renders templates, saved or not yet saved, against sample variables: what the product API and the rule editor preview. */
@Component
class Previews {

    private final TicketTemplates templates;
    private final Clock clock;

    Previews(TicketTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** Sample values for the templates, and an optional sample object. */
    record Sample(Map<String, String> variables, String subjectTitle, String subjectUrl) {
    }

    /** Templates to try out before saving them. */
    record Draft(String eventType, String summaryTemplate, DescriptionFormat descriptionFormat,
            String descriptionTemplate, Sample sample) {
    }

    /** What the ticket would look like. */
    record Preview(String summary, JsonNode description) {
    }

    /** Checks the draft's templates as saving would, then renders them. */
    Preview draft(Draft draft) {
        if (draft.summaryTemplate() == null) {
            throw Refusal.invalid("summaryTemplate is required");
        }
        DescriptionFormat format = draft.descriptionFormat() == null ? DescriptionFormat.TEXT : draft.descriptionFormat();
        templates.validateSummary(draft.summaryTemplate());
        if (draft.descriptionTemplate() != null && !draft.descriptionTemplate().isBlank()) {
            templates.validate(format, draft.descriptionTemplate());
        }
        return render(draft.eventType() == null ? "event" : draft.eventType(), draft.summaryTemplate(), format,
                draft.descriptionTemplate(), draft.sample());
    }

    Preview rule(String eventType, Rule rule, Sample sample) {
        return render(eventType, rule.summaryTemplate(), rule.descriptionFormat(), rule.descriptionTemplate(), sample);
    }

    private Preview render(String eventType, String summary, DescriptionFormat format, String description, Sample sample) {
        Sample given = sample == null ? new Sample(Map.of(), null, null) : sample;
        Map<String, String> variables = given.variables() == null ? Map.of() : new LinkedHashMap<>(given.variables());
        EventFacts facts = new EventFacts(eventType, given.subjectTitle() == null ? "Sample object" : given.subjectTitle(),
                given.subjectUrl(), variables, clock.instant());
        return new Preview(templates.summary(summary, variables), templates.description(format, description, facts));
    }
}
