package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Enhanced search ({@code /search/jql} with nextPageToken, and up to five issue {@code properties} returned with
 * each issue), bulk fetch, and the retired search's 410.
 */
final class SearchRoutes {

    static final int MAX_BULK = 100;
    /** Jira's cap on the issue properties one search returns. */
    static final int MAX_PROPERTIES = 5;
    /** A search's comment field carries the first 20 comments of an issue; the rest are read from its comment list. */
    static final int COMMENTS_IN_SEARCH = 20;

    private final JiraData data;

    SearchRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/search/jql", call -> search(call, call.param("jql", ""), call.listParam("fields"),
                        call.listParam("properties"), call.intParam("maxResults", 50), call.param("nextPageToken", null)))
                .add("POST", "/rest/api/3/search/jql", this::searchPost)
                .add("GET", "/rest/api/3/search", call -> gone())
                .add("POST", "/rest/api/3/search", call -> gone())
                .add("POST", "/rest/api/3/issue/bulkfetch", this::bulkFetch);
    }

    private Reply searchPost(Call call) {
        JsonNode body = call.body() == null ? Json.object() : call.body();
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(field -> fields.add(field.asText()));
        List<String> properties = new ArrayList<>();
        body.path("properties").forEach(property -> properties.add(property.asText()));
        return search(call, body.path("jql").asText(""), fields, properties, body.path("maxResults").asInt(50),
                body.path("nextPageToken").asText(null));
    }

    private Reply search(Call call, String jql, List<String> fields, List<String> properties, int maxResults,
            String pageToken) {
        if (Jql.restriction(jql).isEmpty()) {
            return Reply.error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        if (properties.size() > MAX_PROPERTIES) {
            return Reply.error(400, "A search can return at most " + MAX_PROPERTIES + " issue properties.");
        }
        Predicate<Issue> filter;
        java.util.Optional<java.util.Comparator<Issue>> order;
        try {
            filter = Jql.parse(jql, data.now());
            order = Jql.order(jql);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        int start = pageToken == null ? 0 : decodeToken(pageToken);
        if (start > 0 && data.searchRepeats()) {
            start--;
        }
        int size = Math.max(1, Math.min(maxResults, 5000));
        ObjectNode page = Json.object();
        ArrayNode issues = page.putArray("issues");
        synchronized (data) {
            List<Issue> matching = new ArrayList<>();
            for (Issue issue : data.issuesView()) {
                if (filter.test(issue)) {
                    matching.add(issue);
                }
            }
            order.ifPresent(matching::sort);
            List<String> chosen = fields.isEmpty() ? List.of("id") : fields;
            matching.stream().skip(start).limit(size).forEach(issue -> issues.add(
                    withProperties(issue.json(call.siteUrl(), chosen, COMMENTS_IN_SEARCH), issue, properties)));
            boolean last = start + size >= matching.size();
            page.put("isLast", last);
            if (!last) {
                page.put("nextPageToken", encodeToken(start + size));
            }
        }
        return Reply.ok(page);
    }

    /** Jira's IssueBean {@code properties}: each asked-for property the issue has, by key. */
    private static ObjectNode withProperties(ObjectNode json, Issue issue, List<String> keys) {
        if (!keys.isEmpty()) {
            ObjectNode properties = json.putObject("properties");
            keys.stream().filter(issue.properties::containsKey).forEach(key -> properties.set(key, issue.properties.get(key)));
        }
        return json;
    }

    private Reply bulkFetch(Call call) {
        JsonNode body = call.body() == null ? Json.object() : call.body();
        JsonNode ids = body.path("issueIdsOrKeys");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BULK) {
            return Reply.error(400, "issueIdsOrKeys must hold between 1 and 100 issue ids or keys.");
        }
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(field -> fields.add(field.asText()));
        ObjectNode result = Json.object();
        ArrayNode issues = result.putArray("issues");
        ArrayNode errors = result.putArray("issueErrors");
        synchronized (data) {
            ids.forEach(id -> data.issue(id.asText()).ifPresentOrElse(
                    issue -> issues.add(issue.json(call.siteUrl(), fields)),
                    () -> errors.addObject().put("id", id.asText()).put("errorMessage", "Issue not found")));
        }
        return Reply.ok(result);
    }

    private static Reply gone() {
        return Reply.error(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
    }

    static String encodeToken(int offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes());
    }

    static int decodeToken(String token) {
        try {
            return Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(token)).substring(7));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
