package dev.ferry.ticket;

import dev.ferry.event.EventValidator;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.template.HandDescriptions;
import dev.ferry.url.WebUrls;
import java.util.Map;

/**
 * The checks a ticket draft must pass before Jira is asked anything: one line of summary within Jira's 255,
 * labels Jira takes (no spaces), a valid ADF description, and the object it is for. Every failed field is
 * named at once, with its JSON Pointer into the API body.
 */
final class DraftChecks {

    /** Jira's limit on a summary and on a label. */
    static final int MAX_SUMMARY = 255;
    static final int MAX_LABEL = 255;
    static final int MAX_LABELS = 100;
    static final int MAX_FACTS = 50;
    static final int MAX_FACT_CHARS = 2000;

    private DraftChecks() {
    }

    /** Refuses the draft, naming every failed field, unless each local rule holds. */
    static void check(TicketDraft draft) {
        BodyChecks checks = new BodyChecks();
        checks.require(!blank(draft.site()), "/site", "site is required: the clientKey or connection id of a linked site");
        checks.require(!blank(draft.issueType()), "/issueType", "issueType is required: an issue type's id or name");
        summary(draft.summary(), checks);
        labels(draft, checks);
        if (draft.descriptionAdf() != null) {
            HandDescriptions.problem(draft.descriptionAdf()).ifPresent(problem -> checks.require(false,
                    "/description", "description is not an ADF document Jira accepts: " + problem));
        }
        checks.require(draft.priority() == null || (!draft.priority().isBlank() && draft.priority().length() <= 255),
                "/priority", "priority must be the name of one of the site's priorities, such as High");
        checks.require(draft.assigneeAccountId() == null
                || (!draft.assigneeAccountId().isBlank() && draft.assigneeAccountId().length() <= 128),
                "/assignee", "assignee must be an Atlassian accountId (at most 128 characters)");
        object(draft.object(), checks);
        checks.refuseIfAny();
    }

    private static void summary(String summary, BodyChecks checks) {
        if (!checks.require(!blank(summary), "/summary", "summary is required and must not be blank")) {
            return;
        }
        checks.require(summary.length() <= MAX_SUMMARY, "/summary",
                "summary is " + summary.length() + " characters; Jira takes at most " + MAX_SUMMARY);
        checks.require(summary.indexOf('\n') < 0 && summary.indexOf('\r') < 0, "/summary",
                "summary must be one line: Jira refuses a summary with a line break");
    }

    private static void labels(TicketDraft draft, BodyChecks checks) {
        if (draft.labels() == null) {
            return;
        }
        checks.require(draft.labels().size() <= MAX_LABELS, "/labels", "at most " + MAX_LABELS + " labels");
        for (int i = 0; i < draft.labels().size(); i++) {
            String label = draft.labels().get(i);
            if (!checks.require(!blank(label), "/labels/" + i, "labels must not be empty")) {
                continue;
            }
            checks.require(!label.chars().anyMatch(Character::isWhitespace), "/labels/" + i,
                    "label \"" + label + "\" contains a space; Jira labels cannot contain spaces (use - or _)");
            checks.require(label.length() <= MAX_LABEL, "/labels/" + i,
                    "a label is at most " + MAX_LABEL + " characters");
        }
    }

    private static void object(TicketDraft.TicketObject object, BodyChecks checks) {
        if (!checks.require(object != null, "/object", "object is required: the product object the ticket is for")) {
            return;
        }
        checks.require(EventValidator.isObjectType(object.type()), "/object/type",
                "object.type must be lower case letters, digits, '_', '.' or '-', at most 64 characters");
        checks.require(EventValidator.isObjectId(object.id()), "/object/id",
                "object.id must be 1 to 255 characters");
        checks.require(!blank(object.title()) && object.title().length() <= 1024, "/object/title",
                "object.title must be 1 to 1024 characters");
        checks.require(object.url() == null || WebUrls.isHttp(object.url().strip()), "/object/url",
                "object.url must be an http or https URL");
        checks.require(object.state() == null || object.state().length() <= 64, "/object/state",
                "object.state is at most 64 characters");
        facts(object.facts(), checks);
    }

    private static void facts(Map<String, String> facts, BodyChecks checks) {
        if (facts == null) {
            return;
        }
        checks.require(facts.size() <= MAX_FACTS, "/object/facts", "at most " + MAX_FACTS + " facts");
        facts.forEach((name, value) -> checks.require(name.length() <= 100
                && (value == null || value.length() <= MAX_FACT_CHARS), "/object/facts",
                "a fact's name is at most 100 characters and its value at most " + MAX_FACT_CHARS));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
