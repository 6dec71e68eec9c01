package dev.ferry.ticketform;

import dev.ferry.ticket.TicketDraft;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the create form holds, as typed: the seven fields, the object the ticket is for, and the
 * idempotency key the form was rendered with (so a double submit files once). Missing fields read as blank.
 *
 * @param labels       comma-separated, as typed
 * @param assigneeName the chosen assignee's name, only to show it again; Jira is told the accountId
 */
record TicketForm(String site, String project, String issueType, String summary, String description,
        String priority, String labels, String assigneeAccountId, String assigneeName, String subjectType,
        String subjectId, String subjectTitle, String subjectUrl, String idempotencyKey) {

    TicketForm {
        site = stripped(site);
        project = stripped(project);
        issueType = stripped(issueType);
        summary = stripped(summary);
        // The description is the person's text: leading spaces (an indented list) are theirs.
        description = description == null ? "" : description;
        priority = stripped(priority);
        labels = stripped(labels);
        assigneeAccountId = stripped(assigneeAccountId);
        assigneeName = stripped(assigneeName);
        subjectType = stripped(subjectType);
        subjectId = stripped(subjectId);
        subjectTitle = stripped(subjectTitle);
        subjectUrl = stripped(subjectUrl);
        idempotencyKey = stripped(idempotencyKey);
    }

    /** A first render: the object only, everything else for the page to fill in. */
    static TicketForm forObject(String site, String subjectType, String subjectId, String subjectTitle,
            String subjectUrl) {
        return new TicketForm(site, "", "", "", "", "", "", "", "", subjectType, subjectId, subjectTitle, subjectUrl, "");
    }

    /** The same form with other values where the page chose them (the default project, a fresh key). */
    TicketForm with(String chosenSite, String chosenProject, String key) {
        return new TicketForm(chosenSite, chosenProject, issueType, summary, description, priority, labels,
                assigneeAccountId, assigneeName, subjectType, subjectId, subjectTitle, subjectUrl, key);
    }

    /** The draft the service checks and files; blank optional fields are left out. */
    TicketDraft draft() {
        return draft(new TicketDraft.TicketObject(subjectType, subjectId, subjectTitle, orNull(subjectUrl), null, Map.of()));
    }

    /** The draft for the object as Ferry knows it (its state and key facts, which the form does not ask for). */
    TicketDraft draft(TicketDraft.TicketObject object) {
        return new TicketDraft(site, orNull(project), issueType, summary, description.isBlank() ? null : description,
                null, orNull(priority), labelList(labels), orNull(assigneeAccountId), object);
    }

    /** Comma-separated labels, each trimmed, empty ones dropped: {@code "a, b,,c "} is a, b and c. */
    static List<String> labelList(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(label -> !label.isEmpty()).toList();
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
