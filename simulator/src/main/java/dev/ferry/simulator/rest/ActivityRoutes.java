package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What activity and audit ingest read: updated worklogs, worklogs by id, changelogs in bulk, audit records. */
final class ActivityRoutes {

    /** Jira leaves the last minute out of {@code worklog/updated}, so late writers are not skipped. */
    static final long SETTLE_MILLIS = 60_000;

    private final JiraData data;

    ActivityRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/worklog/updated", this::updatedWorklogs)
                .add("POST", "/rest/api/3/worklog/list", this::worklogs)
                .add("POST", "/rest/api/3/changelog/bulkfetch", this::changelogs)
                .add("GET", "/rest/api/3/auditing/record", this::audit);
    }

    private Reply updatedWorklogs(Call call) {
        long since = Long.parseLong(call.param("since", "0"));
        long until = data.now().toEpochMilli() - SETTLE_MILLIS;
        ObjectNode page = Json.object();
        ArrayNode values = page.putArray("values");
        synchronized (data) {
            data.issues().stream().flatMap(issue -> issue.worklogs.stream())
                    .filter(w -> w.path("updatedMillis").asLong() >= since && w.path("updatedMillis").asLong() <= until)
                    .limit(1000).forEach(w -> values.addObject().put("worklogId", w.path("id").asLong())
                            .put("updatedTime", w.path("updatedMillis").asLong()).putArray("properties"));
        }
        page.put("since", since);
        page.put("until", until);
        page.put("lastPage", true);
        page.put("self", call.siteUrl() + "/rest/api/3/worklog/updated?since=" + since);
        return Reply.ok(page);
    }

    private Reply worklogs(Call call) {
        Set<String> ids = new HashSet<>();
        (call.body() == null ? Json.array() : call.body().path("ids")).forEach(id -> ids.add(id.asText()));
        ArrayNode result = Json.array();
        synchronized (data) {
            data.issues().stream().flatMap(issue -> issue.worklogs.stream())
                    .filter(w -> ids.contains(w.path("id").asText())).forEach(w -> result.add(w.deepCopy().without("updatedMillis")));
        }
        return Reply.ok(result);
    }

    private Reply changelogs(Call call) {
        JsonNode body = call.body() == null ? Json.object() : call.body();
        ObjectNode result = Json.object();
        ArrayNode logs = result.putArray("issueChangeLogs");
        synchronized (data) {
            body.path("issueIdsOrKeys").forEach(id -> data.issue(id.asText()).ifPresent(issue -> {
                ObjectNode log = logs.addObject();
                log.put("issueId", issue.id);
                ArrayNode histories = log.putArray("changeHistories");
                issue.changelog.forEach(history -> {
                    ObjectNode copy = history.deepCopy();
                    copy.set("author", Users.user(call.siteUrl(), history.path("author").asText()));
                    histories.add(copy);
                });
            }));
        }
        return Reply.ok(result);
    }

    private Reply audit(Call call) {
        int offset = call.intParam("offset", 0);
        int limit = Math.min(call.intParam("limit", 1000), 1000);
        Instant from = instant(call.param("from", null), Instant.MIN);
        Instant to = instant(call.param("to", null), Instant.MAX);
        List<ObjectNode> matching = data.auditRecords().stream().filter(record -> {
            Instant created = OffsetDateTime.parse(record.path("created").asText(), Json.JIRA_TIME_PARSER).toInstant();
            return !created.isBefore(from) && !created.isAfter(to);
        }).toList();
        ObjectNode page = Json.object();
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("total", matching.size());
        ArrayNode records = page.putArray("records");
        matching.stream().skip(offset).limit(limit).forEach(records::add);
        return Reply.ok(page);
    }

    private static Instant instant(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException notIso) {
            return OffsetDateTime.parse(text, Json.JIRA_TIME_PARSER).toInstant();
        }
    }
}
