package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Confluence's CQL search, {@code GET /wiki/rest/api/search?cql=}: the clauses activity readers use ({@code type},
 * {@code lastmodified}, {@code space}, {@code contributor}, joined by {@code and}, {@code order by lastmodified}),
 * paged by {@code start}/{@code limit} with a cursor in {@code _links.next}. Anything else answers Confluence's 400.
 */
final class ConfluenceSearch {

    static final int MAX_LIMIT = 250;
    private static final Pattern ORDER = Pattern.compile("(?i)\\s+order\\s+by\\s+lastmodified(\\s+(asc|desc))?\\s*$");
    private static final Pattern TYPE = Pattern.compile("(?i)type\\s*(=\\s*(\\w+)|in\\s*\\(([^)]*)\\))");
    private static final Pattern MODIFIED = Pattern.compile("(?i)lastmodified\\s*(>=|<=|>|<|=)\\s*\"([^\"]+)\"");
    private static final Pattern SPACE = Pattern.compile("(?i)space\\s*(=\\s*\"?([\\w~]+)\"?|in\\s*\\(([^)]*)\\))");
    private static final Pattern CONTRIBUTOR = Pattern.compile("(?i)contributor\\s*=\\s*\"([^\"]+)\"");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

    private final ConfluenceData data;

    ConfluenceSearch(ConfluenceData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/wiki/rest/api/search", this::search);
    }

    private Reply search(Call call) {
        String cql = call.param("cql", "");
        Matcher order = ORDER.matcher(cql);
        boolean ordered = order.find();
        // CQL orders ascending unless told otherwise; without an order by, newest first.
        boolean ascending = ordered && !"desc".equalsIgnoreCase(order.group(2));
        Predicate<Hit> filter = hit -> true;
        for (String clause : (ordered ? cql.substring(0, order.start()) : cql).split("(?i)\\s+and\\s+")) {
            Predicate<Hit> condition = clause(clause.trim());
            if (condition == null) {
                return cqlError(cql);
            }
            filter = filter.and(condition);
        }
        int start = call.param("cursor", null) != null ? SearchRoutes.decodeToken(call.param("cursor", null))
                : Math.max(0, call.intParam("start", 0));
        int limit = Math.max(1, Math.min(call.intParam("limit", 25), MAX_LIMIT));
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        List<Hit> hits;
        // Versions grow under the data's lock: filter and render under it too.
        synchronized (data) {
            hits = hits().stream().filter(filter).sorted(ascending ? NEWEST_LAST : NEWEST_LAST.reversed()).toList();
            hits.stream().skip(start).limit(limit).forEach(hit -> results.add(hit.json()));
        }
        result.put("start", start).put("limit", limit).put("size", results.size()).put("totalSize", hits.size())
                .put("cqlQuery", cql).put("searchDuration", 7);
        ObjectNode links = result.putObject("_links").put("base", call.siteUrl() + "/wiki").put("context", "/wiki");
        if (start + limit < hits.size()) {
            links.put("next", "/rest/api/search?cql=" + java.net.URLEncoder.encode(cql, java.nio.charset.StandardCharsets.UTF_8)
                    + "&limit=" + limit + "&start=" + (start + limit) + "&cursor=" + SearchRoutes.encodeToken(start + limit));
        }
        return Reply.ok(result);
    }

    private static final Comparator<Hit> NEWEST_LAST = Comparator.comparingLong((Hit hit) -> hit.content.modifiedMillis())
            .thenComparingLong(hit -> hit.content.idNumber());

    /** The clause as a test on a hit, or null when the simulator does not understand it. */
    private static Predicate<Hit> clause(String clause) {
        Matcher m;
        if ((m = TYPE.matcher(clause)).matches()) {
            Set<String> types = Set.copyOf(list(m.group(2) != null ? m.group(2) : m.group(3)));
            return hit -> types.contains(hit.type());
        }
        if ((m = SPACE.matcher(clause)).matches()) {
            Set<String> keys = Set.copyOf(list(m.group(2) != null ? m.group(2) : m.group(3)));
            return hit -> keys.contains(hit.spaceKey);
        }
        if ((m = CONTRIBUTOR.matcher(clause)).matches()) {
            String accountId = m.group(1);
            return hit -> hit.content.versions.stream().anyMatch(v -> accountId.equals(v.authorId()));
        }
        if ((m = MODIFIED.matcher(clause)).matches()) {
            Long minute = minute(m.group(2));
            if (minute == null) {
                return null;
            }
            String operator = m.group(1);
            return hit -> {
                long at = hit.content.modifiedMillis() / 60_000 * 60_000;
                return switch (operator) {
                    case ">=" -> at >= minute;
                    case ">" -> at > minute;
                    case "<=" -> at <= minute;
                    case "<" -> at < minute;
                    default -> at == minute;
                };
            };
        }
        return null;
    }

    /** The values of {@code in (a, "b")} or {@code = a}; content types in lower case, as CQL matches them. */
    private static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.trim().replace("\"", "");
            out.add(value.matches("(?i)page|comment|blogpost|attachment") ? value.toLowerCase(Locale.ROOT) : value);
        }
        return out;
    }

    /** CQL's dates are minutes in the searching user's time zone (UTC on the simulated site). */
    private static Long minute(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            return java.time.LocalDate.parse(text.replace('/', '-')).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Reply cqlError(String cql) {
        ObjectNode body = Json.object().put("statusCode", 400).put("message",
                "com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : " + cql);
        body.putObject("data").put("authorized", false).put("valid", true).putArray("errors");
        return new Reply(400, body, Map.of());
    }

    /** Pages and comments as the search sees them, with their space, under the data's lock. */
    private List<Hit> hits() {
        synchronized (data) {
            List<Hit> hits = new ArrayList<>();
            for (ConfluenceData.Page page : data.pagesNewestFirst()) {
                hits.add(new Hit(page, page, spaceKey(page), data.space(page.spaceId).map(ConfluenceData.Space::name)
                        .orElse(page.spaceId)));
            }
            for (boolean inline : new boolean[] {false, true}) {
                for (ConfluenceData.Comment comment : data.commentsNewestFirst(inline)) {
                    ConfluenceData.Page page = data.page(comment.pageId).orElseThrow();
                    hits.add(new Hit(comment, page, spaceKey(page), data.space(page.spaceId)
                            .map(ConfluenceData.Space::name).orElse(page.spaceId)));
                }
            }
            return hits;
        }
    }

    private String spaceKey(ConfluenceData.Page page) {
        return data.space(page.spaceId).map(ConfluenceData.Space::key).orElse(page.spaceId);
    }

    /** One search result: a page or a comment, the page it is on and that page's space. */
    private record Hit(ConfluenceData.Content content, ConfluenceData.Page page, String spaceKey, String spaceName) {

        String type() {
            return content instanceof ConfluenceData.Page ? "page" : "comment";
        }

        ObjectNode json() {
            ConfluenceData.Version current = content.current();
            String webui = ConfluenceJson.webui(page, spaceKey)
                    + (content == page ? "" : "?focusedCommentId=" + content.id);
            String title = content == page ? page.title : "Re: " + page.title;
            ObjectNode json = Json.object();
            ObjectNode item = json.putObject("content").put("id", content.id).put("type", type()).put("status", "current")
                    .put("title", title);
            item.putObject("space").put("key", spaceKey).put("name", spaceName);
            if (content != page) {
                item.putObject("container").put("id", page.id).put("type", "page").put("title", page.title);
            }
            item.putObject("version").put("number", current.number()).put("when", ConfluenceJson.time(current.createdAt()))
                    .putObject("by").put("accountId", current.authorId()).put("type", "known");
            item.putObject("_links").put("webui", webui).put("self", "/wiki/rest/api/content/" + content.id);
            json.put("title", title).put("excerpt", "").put("url", webui).put("entityType", "content")
                    .put("iconCssClass", "aui-icon content-type-" + type())
                    .put("lastModified", ConfluenceJson.time(current.createdAt())).put("friendlyLastModified", "");
            json.putObject("resultGlobalContainer").put("title", spaceName).put("displayUrl", "/spaces/" + spaceKey);
            json.putArray("breadcrumbs");
            return json;
        }
    }
}
