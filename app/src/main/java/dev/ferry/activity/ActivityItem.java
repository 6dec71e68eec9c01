package dev.ferry.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One activity as the API shows it, its actor attributed now: the person the account is mapped to on that
 * connection, or null while nobody is.
 *
 * @param site   the site's host and path, shared by every connection to it
 * @param detail the stored detail record (field changes, time spent, a version), an object
 */
record ActivityItem(long id, String connection, String site, String source, String kind, Instant occurredAt,
        Actor actor, ActivityObject object, JsonNode detail) {

    /** Who did it: the account, its name as Jira last showed it, and the person it is mapped to. */
    record Actor(String accountId, String displayName, @JsonInclude(JsonInclude.Include.ALWAYS) Person person) {
    }

    /** The product's person. */
    record Person(String id, String externalId, String name) {
    }

    /** What it was done to: an issue, a comment, a worklog, a page. */
    record ActivityObject(String type, String id, String key, String container, String title, String url) {
    }
}
