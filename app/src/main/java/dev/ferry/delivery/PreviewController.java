package dev.ferry.delivery;

import dev.ferry.admin.ApiCaller;
import dev.ferry.admin.ApiScope;
import dev.ferry.template.DescriptionFormat;
import dev.ferry.template.EventFacts;
import dev.ferry.template.TicketTemplates;
import dev.ferry.web.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Renders a rule, saved or not yet saved, against sample variables; nothing is filed and nothing is stored. */
@RestController
class PreviewController {

    private final Destinations destinations;
    private final TicketTemplates templates;
    private final Clock clock;

    PreviewController(Destinations destinations, TicketTemplates templates, Clock clock) {
        this.destinations = destinations;
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

    @PostMapping("/api/v1/destinations/{id}/rules/{eventType}/preview")
    Preview rule(ApiCaller caller, @PathVariable String id, @PathVariable String eventType,
            @RequestBody(required = false) Sample sample) {
        caller.require(ApiScope.CONFIG_READ);
        Rule rule = destinations.find(caller, id).rule(eventType)
                .orElseThrow(() -> ApiProblem.notFound("the destination has no rule for " + eventType));
        return render(eventType, rule.summaryTemplate(), rule.descriptionFormat(), rule.descriptionTemplate(), sample);
    }

    @PostMapping("/api/v1/templates/preview")
    Preview draft(ApiCaller caller, @RequestBody Draft draft) {
        caller.require(ApiScope.CONFIG_READ);
        if (draft.summaryTemplate() == null) {
            throw ApiProblem.badRequest("summaryTemplate is required");
        }
        DescriptionFormat format = draft.descriptionFormat() == null ? DescriptionFormat.TEXT : draft.descriptionFormat();
        templates.validateSummary(draft.summaryTemplate());
        if (draft.descriptionTemplate() != null && !draft.descriptionTemplate().isBlank()) {
            templates.validate(format, draft.descriptionTemplate());
        }
        return render(draft.eventType() == null ? "event" : draft.eventType(), draft.summaryTemplate(), format,
                draft.descriptionTemplate(), draft.sample());
    }

    private Preview render(String eventType, String summary, DescriptionFormat format, String description, Sample sample) {
        Sample given = sample == null ? new Sample(Map.of(), null, null) : sample;
        Map<String, String> variables = given.variables() == null ? Map.of() : new LinkedHashMap<>(given.variables());
        EventFacts facts = new EventFacts(eventType, given.subjectTitle() == null ? "Sample object" : given.subjectTitle(),
                given.subjectUrl(), variables, clock.instant());
        return new Preview(templates.summary(summary, variables), templates.description(format, description, facts));
    }
}
