package dev.ferry.ticketform;

import java.util.List;

/**
 * The "Create Jira ticket" page: the object the ticket is for, the site it goes to, the seven fields as
 * typed or pre-filled, the form's idempotency key, and what stopped the last submit (our checks or Jira's
 * words).
 *
 * @param chooseSite true when the organization has more than one linked site to pick from
 * @param noSites    true when no site is linked, so there is nowhere to file
 * @param refused    true when {@code errors} says why the last submit filed nothing
 * @param fieldErrors each field's own error, shown beside it
 * @param notices    what could not be read from Jira to fill the choices (the form still works without)
 */
record TicketFormPage(Subject subject, List<Option> sites, boolean chooseSite, String site, String siteLabel,
        boolean noSites, ProjectField project, IssueTypeField issueType, String summary, String description,
        PriorityField priority, String labels, AssigneePicker assignee, String idempotencyKey, boolean refused,
        List<String> errors, FormErrors.Fields fieldErrors, List<String> notices) {

    /** The product object, and the way back to its linked tickets. */
    record Subject(String type, String id, String title, String url, String backHref) {
    }

    /** One choice of a select. */
    record Option(String value, String label, boolean selected) {
    }

    /**
     * The project: a select of the projects Jira listed, or a text input when it listed none.
     *
     * @param listed true for the select
     */
    record ProjectField(String value, List<Option> options, boolean listed) {
    }

    /**
     * The issue types of the chosen project, a fragment of its own that htmx swaps in when the project changes.
     *
     * @param hint why there are none (no project yet, or Jira's refusal); null when there are
     */
    record IssueTypeField(List<Option> options, String hint) {
    }

    /**
     * The priorities the chosen issue type allows; htmx swaps it in beside the issue types when they change.
     *
     * @param hint why these (no project yet, no Priority field on the screen, Jira's refusal); null otherwise
     * @param swap true in the fragment, to swap it out of band
     */
    record PriorityField(List<Option> options, String hint, boolean swap) {
    }

    /**
     * The issue types and the priorities of the one chosen, the fragment htmx swaps when either changes.
     */
    record Choices(IssueTypeField issueType, PriorityField priority) {
    }

    /**
     * The assignee: a type-ahead over the project's assignable users until one is chosen, then the chosen
     * name with its accountId in a hidden input and a way to change it. A fragment htmx swaps.
     *
     * @param chosen    true once a person is picked
     * @param changeHref the fragment with the type-ahead again
     */
    record AssigneePicker(String accountId, String name, boolean chosen, String changeHref) {
    }

    /**
     * The users the type-ahead found.
     *
     * @param none  true when Jira found nobody for a query
     * @param error why Jira could not be asked, or null
     */
    record Suggestions(List<Suggestion> suggestions, boolean none, String query, String error) {
    }

    /** One assignable user; choosing it asks for the picker with that user chosen. */
    record Suggestion(String accountId, String displayName, String chooseHref) {
    }
}
