package dev.ferry.template;

import com.github.mustachejava.MustacheException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The text of a Jira ticket rendered from a rule's templates: always a summary Jira takes and valid ADF. */
@Component
public class TicketTemplates {

    static final String INVALID_TEMPLATE_NOTE =
            "This rule's description template rendered an invalid document, so Ferry used the default description.";

    private final AdfSchema schema = AdfSchema.shared();

    /**
     * The summary: variables substituted, one line, at most 255 characters; may be empty.
     *
     * @throws TemplateLimitException when the template is over a limit: the ticket is not filed
     */
    public String summary(String template, Map<String, String> variables) {
        if (template == null) {
            return "";
        }
        try {
            return Summaries.oneLine(PlainTextTemplates.render(template, scope(null, variables), RenderBudget.summary()));
        } catch (TemplateLimitException e) {
            throw new TemplateLimitException("summary: " + e.getMessage());
        } catch (MustacheException e) {
            // Saved before validation existed: the literal template says more than an empty summary.
            return Summaries.oneLine(template);
        }
    }

    /**
     * The description as an ADF document within Jira's size limit; a blank template gives the default one.
     *
     * @throws TemplateLimitException when the template is over a limit: the ticket is not filed
     */
    public JsonNode description(DescriptionFormat format, String template, EventFacts facts) {
        if (template == null || template.isBlank()) {
            return finish(AdfNodes.doc(EventAdf.defaultDescription(facts)), facts);
        }
        try {
            TemplateLimits.requireLength(template, TemplateLimits.MAX_DESCRIPTION_CHARS);
            return format == DescriptionFormat.ADF ? fromAdf(template, facts) : fromText(template, facts);
        } catch (TemplateLimitException e) {
            throw new TemplateLimitException("description: " + e.getMessage());
        } catch (RuntimeException e) {
            // A template saved before validation existed, or one mustache refuses at render time.
            return invalidTemplate(facts);
        }
    }

    /** The comment added when the same object fires the same event while its ticket is open. */
    public JsonNode comment(EventFacts facts) {
        return finish(AdfNodes.doc(EventAdf.comment(facts)), facts);
    }

    /** Refuses a description template that is over a limit or can never render to valid ADF, naming the reason. */
    public void validate(DescriptionFormat format, String template) {
        if (template == null || template.isBlank()) {
            return;
        }
        if (template.length() > TemplateLimits.MAX_DESCRIPTION_CHARS) {
            throw new TemplateLimitException("template: " + TemplateLimits.tooLong(TemplateLimits.MAX_DESCRIPTION_CHARS));
        }
        if (format != DescriptionFormat.ADF) {
            PlainTextTemplates.check(template, "template");
            return;
        }
        JsonNode tree = AdfTemplates.parse(template);
        AdfTemplates.checkRoot(tree);
        AdfTemplates.checkMustache(tree, "$");
        AdfLinks.check(tree, "$");
        schema.problem(AdfTemplates.render(tree, new SampleScope())).ifPresent(reason -> {
            throw new InvalidTemplateException(reason);
        });
    }

    /** Refuses a summary template that is over a limit or that mustache cannot compile. */
    public void validateSummary(String template) {
        if (template == null) {
            return;
        }
        if (template.length() > TemplateLimits.MAX_SUMMARY_CHARS) {
            throw new TemplateLimitException("summary: " + TemplateLimits.tooLong(TemplateLimits.MAX_SUMMARY_CHARS));
        }
        PlainTextTemplates.check(template, "summary");
    }

    private JsonNode fromText(String template, EventFacts facts) {
        List<ObjectNode> paragraphs = PlainTextAdf.paragraphs(
                PlainTextTemplates.render(template, scope(facts), RenderBudget.description()));
        // A template whose every variable came out empty still owes the reader the event's facts.
        return paragraphs.isEmpty() ? finish(AdfNodes.doc(EventAdf.defaultDescription(facts)), facts)
                : finish(AdfNodes.doc(paragraphs), facts);
    }

    private JsonNode fromAdf(String template, EventFacts facts) {
        JsonNode tree = AdfTemplates.parse(template);
        AdfTemplates.checkRoot(tree);
        ObjectNode rendered = AdfTemplates.render(tree, scope(facts));
        return schema.isValid(rendered) ? finish(rendered, facts) : invalidTemplate(facts);
    }

    private JsonNode invalidTemplate(EventFacts facts) {
        List<ObjectNode> blocks = new ArrayList<>(EventAdf.defaultDescription(facts));
        blocks.add(AdfNodes.paragraph(INVALID_TEMPLATE_NOTE));
        return finish(AdfNodes.doc(blocks), facts);
    }

    /** Cuts to Jira's size and checks once more; a cut that broke the document falls back to our own. */
    private JsonNode finish(ObjectNode document, EventFacts facts) {
        ObjectNode fitted = AdfTrimmer.fit(document, AdfJson.MAX_CHARS);
        if (schema.isValid(fitted)) {
            return fitted;
        }
        ObjectNode fallback = AdfTrimmer.fit(AdfNodes.doc(EventAdf.defaultDescription(facts)), AdfJson.MAX_CHARS);
        return schema.isValid(fallback) ? fallback : AdfNodes.doc(List.of(AdfNodes.paragraph(AdfTrimmer.NOTE)));
    }

    private static Map<String, Object> scope(EventFacts facts) {
        return scope(facts, facts.variables());
    }

    /** The event's own fields are variables too; the event's variables win when names collide. */
    private static Map<String, Object> scope(EventFacts facts, Map<String, String> variables) {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (facts != null) {
            putIfPresent(scope, "eventType", facts.eventType());
            putIfPresent(scope, "subjectTitle", facts.subjectTitle());
            putIfPresent(scope, "subjectUrl", facts.subjectUrl());
            putIfPresent(scope, "occurredAt", facts.occurredAt());
        }
        if (variables != null) {
            scope.putAll(variables);
        }
        return scope;
    }

    private static void putIfPresent(Map<String, Object> scope, String name, Object value) {
        if (value != null) {
            scope.put(name, value.toString());
        }
    }
}
