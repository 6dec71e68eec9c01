package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /rest/api/3/auditing/record} (getAuditRecords): the site's audit records created in [from, to] that
 * match the filter, newest first, by offset and limit. Only for a caller holding Administer Jira, and only while
 * some Jira product of the site is on a paid plan.
 */
final class AuditRoutes {

    /** The global permission Jira asks of whoever reads its audit log: "Administer Jira". */
    static final String ADMINISTER = "ADMINISTER";
    static final String PATH = "/rest/api/3/auditing/record";
    /** Jira's most records a page, also the default limit. */
    static final int MAX_LIMIT = 1000;
    static final String NO_PERMISSION = "You do not have permission to view audit records.";
    static final String FREE_PLAN = "Audit logs are available when at least one Jira product is on a paid plan.";

    private final JiraData data;

    AuditRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", PATH, this::records);
    }

    private Reply records(Call call) {
        AuditLog log = data.auditLog();
        log.counted();
        if (!data.holds(call.caller(), ADMINISTER)) {
            return Reply.error(403, NO_PERMISSION);
        }
        if (JiraData.FREE.equals(data.plan())) {
            return Reply.error(403, FREE_PLAN);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        int offset = number(call, "offset", 0, problems);
        int limit = Math.min(number(call, "limit", MAX_LIMIT, problems), MAX_LIMIT);
        long from = time(call, "from", Long.MIN_VALUE, problems);
        long to = time(call, "to", Long.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            return Reply.fieldErrors(problems);
        }
        int cap = log.pageCap();
        AuditQuery query = new AuditQuery(from, to, AuditQuery.words(call.param("filter", null)), offset,
                cap > 0 ? Math.min(limit, cap) : limit);
        return Reply.ok(body(offset, limit, log.page(query)));
    }

    private static ObjectNode body(int offset, int limit, AuditLog.AuditPage page) {
        ObjectNode body = Json.object();
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("total", (long) page.total());
        ArrayNode records = body.putArray("records");
        page.records().forEach(records::add);
        return body;
    }

    private static int number(Call call, String name, int fallback, Map<String, String> problems) {
        String text = call.param(name, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0) {
                problems.put(name, "The " + name + " must not be negative.");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(name, "The " + name + " must be a number.");
            return fallback;
        }
    }

    private static long time(Call call, String name, long fallback, Map<String, String> problems) {
        String text = call.param(name, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return AuditTime.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            problems.put(name, "Invalid date format for '" + name + "': " + text
                    + ". Use ISO-8601, for example 2014-03-19T18:45:42.967+0000.");
            return fallback;
        }
    }
}
