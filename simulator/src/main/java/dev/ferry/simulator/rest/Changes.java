package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes changelog entries, the history Jira keeps for every field change. */
final class Changes {

    private Changes() {
    }

    static void record(Issue issue, JiraData data, String field, String from, String to) {
        ObjectNode history = Json.object();
        history.put("id", data.nextId());
        history.put("created", Json.time(data.now()));
        history.put("author", Users.ADMIN_ACCOUNT_ID);
        ObjectNode item = history.putArray("items").addObject();
        item.put("field", field);
        item.put("fieldtype", "jira");
        item.put("fromString", from);
        item.put("toString", to);
        issue.changelog.add(history);
        issue.updated = data.now();
    }
}
