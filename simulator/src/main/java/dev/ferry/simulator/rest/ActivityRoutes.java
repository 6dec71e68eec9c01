package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What activity ingest reads: updated worklogs, worklogs by id, changelogs in bulk. */
final class ActivityRoutes {

    /** Jira leaves the last minute out of {@code worklog/updated}, so late writers are not skipped. */
    static final long SETTLE_MILLIS = 60_000;

    private final JiraData data;

    ActivityRoutes(JiraData data) {
        this.data = data;
    }

    /** Jira's page of worklog/updated and worklog/deleted, and its cap on worklog/list. */
    static final int WORKLOGS_PER_PAGE = 1000;
    /** The bulk changelog fetch's caps (BulkChangelogRequestBean). */
    static final int MAX_CHANGELOG_ISSUES = 1000;
    static final int MAX_CHANGELOG_FIELDS = 10;
    static final int MAX_CHANGELOG_RESULTS = 10_000;
    static final int DEFAULT_CHANGELOG_RESULTS = 1000;

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/worklog/updated", call -> changedWorklogs(call, "updated"))
                .add("GET", "/rest/api/3/worklog/deleted", call -> changedWorklogs(call, "deleted"))
                .add("POST", "/rest/api/3/worklog/list", this::worklogs)
                .add("POST", "/rest/api/3/changelog/bulkfetch", this::changelogs);
    }

    /**
     * ChangedWorklogs: the worklogs changed (or deleted) at or after {@code since}, oldest first, 1000 a page; the
     * last minute is left out. A page ends after every worklog of its last millisecond, so {@code nextPage}'s
     * {@code since} (that millisecond + 1) skips none.
     */
    private Reply changedWorklogs(Call call, String which) {
        long since;
        try {
            since = Long.parseLong(call.param("since", "0"));
        } catch (NumberFormatException e) {
            return Reply.error(400, "since must be a number of milliseconds.");
        }
        long until = data.now().toEpochMilli() - SETTLE_MILLIS;
        List<long[]> changed = new ArrayList<>();
        synchronized (data) {
            if (which.equals("updated")) {
                data.worklogsById.values().forEach(w -> {
                    long at = w.path("updatedMillis").asLong();
                    if (at >= since && at <= until) {
                        changed.add(new long[] {w.path("id").asLong(), at});
                    }
                });
            } else {
                data.deletedWorklogs.stream().filter(d -> d[1] >= since && d[1] <= until).forEach(changed::add);
            }
        }
        changed.sort(Comparator.<long[]>comparingLong(c -> c[1]).thenComparingLong(c -> c[0]));
        int end = Math.min(WORKLOGS_PER_PAGE, changed.size());
        while (end > 0 && end < changed.size() && changed.get(end)[1] == changed.get(end - 1)[1]) {
            end++;
        }
        ObjectNode page = Json.object();
        String base = call.siteUrl() + "/rest/api/3/worklog/" + which + "?since=";
        page.put("self", base + since);
        page.put("since", since);
        page.put("until", end == 0 ? until : changed.get(end - 1)[1]);
        boolean last = end >= changed.size();
        page.put("lastPage", last);
        if (!last) {
            page.put("nextPage", base + (changed.get(end - 1)[1] + 1));
        }
        ArrayNode values = page.putArray("values");
        changed.subList(0, end).forEach(c -> values.addObject().put("worklogId", c[0]).put("updatedTime", c[1])
                .putArray("properties"));
        return Reply.ok(page);
    }

    private Reply worklogs(Call call) {
        JsonNode ids = call.body() == null ? null : call.body().get("ids");
        if (ids == null || !ids.isArray()) {
            return Reply.error(400, "ids must be a list of worklog ids.");
        }
        if (ids.size() > WORKLOGS_PER_PAGE) {
            return Reply.error(400, "The number of worklog IDs cannot exceed 1000.");
        }
        ArrayNode result = Json.array();
        synchronized (data) {
            Set<String> seen = new HashSet<>();
            ids.forEach(id -> {
                ObjectNode worklog = seen.add(id.asText()) ? data.worklogsById.get(id.asText()) : null;
                if (worklog != null) {
                    result.add(SiteChanges.shown(worklog));
                }
            });
        }
        return Reply.ok(result);
    }

    /** BulkChangelogRequestBean in, BulkChangelogResponseBean out: histories oldest first per issue, paged by token. */
    private Reply changelogs(Call call) {
        JsonNode body = call.body() == null ? Json.object() : call.body();
        JsonNode ids = body.path("issueIdsOrKeys");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_CHANGELOG_ISSUES) {
            return Reply.error(400, "issueIdsOrKeys must hold between 1 and 1000 issue ids or keys.");
        }
        JsonNode fieldIds = body.path("fieldIds");
        if (fieldIds.size() > MAX_CHANGELOG_FIELDS) {
            return Reply.error(400, "fieldIds can hold at most 10 field ids.");
        }
        int maxResults = body.path("maxResults").asInt(DEFAULT_CHANGELOG_RESULTS);
        if (maxResults < 1 || maxResults > MAX_CHANGELOG_RESULTS) {
            return Reply.error(400, "maxResults must be between 1 and 10000.");
        }
        Set<String> fields = new HashSet<>();
        fieldIds.forEach(field -> fields.add(field.asText()));
        int skip = body.hasNonNull("nextPageToken") ? SearchRoutes.decodeToken(body.path("nextPageToken").asText()) : 0;
        ObjectNode result = Json.object();
        ArrayNode logs = result.putArray("issueChangeLogs");
        int position = 0;
        int shown = 0;
        boolean more = false;
        synchronized (data) {
            for (JsonNode id : ids) {
                Issue issue = data.issue(id.asText()).orElse(null);
                if (issue == null) {
                    continue;
                }
                ArrayNode histories = null;
                for (ObjectNode history : issue.changelog) {
                    ArrayNode items = matching(history, fields);
                    if (items.isEmpty() || position++ < skip) {
                        continue;
                    }
                    if (shown == maxResults) {
                        more = true;
                        break;
                    }
                    if (histories == null) {
                        ObjectNode log = logs.addObject();
                        log.put("issueId", issue.id);
                        histories = log.putArray("changeHistories");
                    }
                    ObjectNode copy = histories.addObject();
                    copy.put("id", history.path("id").asText());
                    copy.set("author", People.user(data, call.siteUrl(), history.path("author").asText()));
                    copy.put("created", history.path("created").asText());
                    copy.set("items", items);
                    shown++;
                }
                if (more) {
                    break;
                }
            }
        }
        if (more) {
            result.put("nextPageToken", SearchRoutes.encodeToken(skip + shown));
        }
        return Reply.ok(result);
    }

    private static ArrayNode matching(ObjectNode history, Set<String> fields) {
        ArrayNode items = Json.array();
        history.path("items").forEach(item -> {
            if (fields.isEmpty() || fields.contains(item.path("fieldId").asText())) {
                items.add(item);
            }
        });
        return items;
    }
}
