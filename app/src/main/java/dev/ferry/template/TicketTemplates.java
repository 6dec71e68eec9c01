package dev.ferry.template;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The text of a Jira ticket rendered from a rule's templates (contract; implementation pending). */
@Component
public class TicketTemplates {

    /** The summary: variables substituted, one line, at most 255 characters. */
    public String summary(String template, Map<String, String> variables) {
        throw new UnsupportedOperationException("pending");
    }

    /** The description as an ADF document within Jira's size limit; a blank template gives the default one. */
    public JsonNode description(DescriptionFormat format, String template, EventFacts facts) {
        throw new UnsupportedOperationException("pending");
    }

    /** The comment added when the same object fires the same event while its ticket is open. */
    public JsonNode comment(EventFacts facts) {
        throw new UnsupportedOperationException("pending");
    }

    /** Refuses a summary template mustache cannot parse. */
    public void validateSummary(String template) {
        throw new UnsupportedOperationException("pending");
    }

    /** Refuses a template that can never render to valid ADF, naming the reason. */
    public void validate(DescriptionFormat format, String template) {
        throw new UnsupportedOperationException("pending");
    }
}
