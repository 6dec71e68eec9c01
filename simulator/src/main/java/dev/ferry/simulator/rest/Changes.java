package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes changelog entries, the history Jira keeps for every field change: a site-unique numeric id, the
 * author's accountId (expanded to a user when read), when, and the changed items in the order Jira lists them.
 */
final class Changes {

    /** The resolution Jira's simple workflow sets when an issue moves to Done. */
    static final String DONE_RESOLUTION_ID = "10000";
    static final String DONE_RESOLUTION = "Done";

    private Changes() {
    }

    /** One changed field: {@code from}/{@code to} are ids (null for text fields), the strings what a person sees. */
    record Item(String field, String fieldId, String from, String fromText, String to, String toText) {

        ObjectNode json() {
            ObjectNode item = Json.object();
            item.put("field", field);
            item.put("fieldtype", "jira");
            item.put("fieldId", fieldId);
            item.put("from", from);
            item.put("fromString", fromText);
            item.put("to", to);
            item.put("toString", toText);
            return item;
        }
    }

    /** The admin changed one field now, as the app's own writes are recorded. */
    static ObjectNode record(Issue issue, JiraData data, String field, String from, String to) {
        return record(issue, data, Users.ADMIN_ACCOUNT_ID, data.now(),
                List.of(new Item(field, field, null, from, null, to)));
    }

    static ObjectNode record(Issue issue, JiraData data, String authorAccountId, Instant at, List<Item> items) {
        ObjectNode history = Json.object();
        history.put("id", data.nextId());
        history.put("created", Json.time(at));
        history.put("author", authorAccountId);
        ArrayNode list = history.putArray("items");
        items.forEach(item -> list.add(item.json()));
        issue.changelog.add(history);
        if (at.isAfter(issue.updated)) {
            issue.updated = at;
        }
        return history;
    }

    /**
     * Moves the issue to a status as a person would: the status item, then the resolution Jira's workflow sets
     * on the way into Done (and clears on the way out), in one changelog entry.
     */
    static ObjectNode transition(Issue issue, JiraData data, Status target, String authorAccountId, Instant at) {
        List<Item> items = new java.util.ArrayList<>();
        items.add(new Item("status", "status", issue.status.id, issue.status.statusName, target.id, target.statusName));
        if (target == Status.DONE && issue.resolution == null) {
            items.add(new Item("resolution", "resolution", null, null, DONE_RESOLUTION_ID, DONE_RESOLUTION));
            issue.resolution = DONE_RESOLUTION;
            issue.resolved = at;
        } else if (target != Status.DONE && issue.resolution != null) {
            items.add(new Item("resolution", "resolution", DONE_RESOLUTION_ID, issue.resolution, null, null));
            issue.resolution = null;
            issue.resolved = null;
        }
        issue.status = target;
        return record(issue, data, authorAccountId, at, items);
    }
}
