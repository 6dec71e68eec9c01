package dev.ferry.testticket;

import dev.ferry.console.Shown;
import dev.ferry.destination.RulesPage;
import java.util.List;

/**
 * The "send test ticket" page of a destination: where it goes, which event type's rule, the sample
 * variables; then the ticket Jira filed (open it, delete it) or Jira's own refusal.
 *
 * @param issueType the chosen rule's issue type, as the ticket will be filed
 * @param result    the ticket just filed, or null
 */
record TestTicketPage(String id, String site, String projectKey, String issueType, String eventType,
        List<RulesPage.Option> eventTypes, List<Variable> variables, Result result, String error) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    TestTicketPage {
        error = Shown.sentence(error);
    }

    /** One sample variable's input. */
    record Variable(String name, String value, String inputId) {
    }

    /** The filed ticket. */
    record Result(String issueKey, String issueUrl, String summary) {
    }
}
