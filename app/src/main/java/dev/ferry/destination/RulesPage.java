package dev.ferry.destination;

import dev.ferry.console.Shown;
import java.util.List;

/**
 * One destination's page: its banners, the event table (one row per event type) and the editor of the
 * chosen rule with a live preview of the ticket it files.
 *
 * @param issueTypesError why the project's issue types could not be read from Jira just now, or null
 */
public record RulesPage(String id, String projectKey, String site, String state, boolean active, List<Banners.Banner> banners,
        List<Row> rules, Editor editor, String error, String issueTypesError) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    public RulesPage {
        error = Shown.sentence(error);
    }

    /** One event type's rule in the table. */
    record Row(String eventType, boolean enabled, String issueType, boolean unmapped, String priority,
            String summaryTemplate, String labels, boolean editing) {

        static Row of(String eventType, Rule rule, boolean editing) {
            return new Row(eventType, rule.enabled(), rule.issueType(), rule.enabled() && rule.issueTypeId() == null,
                    rule.priority() == null ? "Jira's default" : rule.priority(), rule.summaryTemplate(),
                    String.join(", ", rule.labelList()), editing);
        }
    }

    /** The chosen rule's form; {@code variables} lists what its templates may use. */
    record Editor(String eventType, boolean enabled, List<Option> issueTypes, List<Option> priorities,
            String summaryTemplate, List<Option> formats, String descriptionTemplate, String labels, String variables,
            Preview preview) {
    }

    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The rendered summary and description (as text), or why the templates cannot render. */
    record Preview(String summary, String description, String error) {

        /** The template's refusal as a sentence. */
        public Preview {
            error = Shown.sentence(error);
        }
    }
}
