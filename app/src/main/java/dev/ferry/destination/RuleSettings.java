package dev.ferry.destination;

import dev.ferry.event.EventTypeDefinition;
import dev.ferry.template.DescriptionFormat;
import java.util.List;

/**
 * What a person or the API sets on a rule.
 *
 * @param descriptionTemplate blank for the default description (key figures and a card of resultsUrl)
 */
record RuleSettings(boolean enabled, String issueType, String priority, String summaryTemplate,
        DescriptionFormat descriptionFormat, String descriptionTemplate, List<String> labels) {

    static RuleSettings fromCatalog(EventTypeDefinition type) {
        return new RuleSettings(type.enabled(), type.issueType(), type.priority(), type.summaryTemplate(),
                DescriptionFormat.ADF, null, type.labels());
    }
}
