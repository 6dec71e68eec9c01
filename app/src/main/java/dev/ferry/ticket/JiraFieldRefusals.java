package dev.ferry.ticket;

import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jira's refusal of a hand ticket in Jira's words: a 400 naming fields becomes one error per field, each
 * pointing at the field of Ferry's body it came from, so a form shows it beside the field it is about.
 */
final class JiraFieldRefusals {

    /** Jira's field names, and the fields of Ferry's body that carry them. */
    private static final Map<String, String> POINTERS = Map.of("project", "/project", "issuetype", "/issueType",
            "summary", "/summary", "description", "/description", "priority", "/priority", "labels", "/labels",
            "assignee", "/assignee");

    private JiraFieldRefusals() {
    }

    static Refusal of(JiraException e) {
        if (e.kind() != JiraException.Kind.INVALID) {
            return JiraRefusals.refused(e, "the ticket");
        }
        List<BodyError> errors = new ArrayList<>();
        e.fieldErrors().forEach((field, message) -> errors.add(new BodyError(POINTERS.getOrDefault(field, ""),
                "Jira refused " + field + ": " + message)));
        if (errors.isEmpty()) {
            errors.add(new BodyError("", HandTicketFiler.words(e)));
        }
        return new InvalidBody(errors);
    }
}
