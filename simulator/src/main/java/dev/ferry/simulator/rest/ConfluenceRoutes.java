package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** Confluence Cloud v2 pages and their footer comments, paged by cursor in {@code _links.next}. */
final class ConfluenceRoutes {

    static final int MAX_LIMIT = 250;
    static final String SPACE_ID = "98306";

    private final JiraData data;

    ConfluenceRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/wiki/api/v2/spaces", this::spaces)
                .add("GET", "/wiki/api/v2/pages", this::pages)
                .add("POST", "/wiki/api/v2/pages", this::createPage)
                .add("GET", "/wiki/api/v2/pages/{id}", this::page)
                .add("GET", "/wiki/api/v2/pages/{id}/footer-comments", this::comments)
                .add("POST", "/wiki/api/v2/footer-comments", this::comment);
    }

    /**
     * The site's one space, as on a fresh Confluence site: enough for a client to see it reaches Confluence
     * ({@code limit=1} is how one asks cheaply).
     */
    private Reply spaces(Call call) {
        int limit = Math.max(1, Math.min(call.intParam("limit", 25), MAX_LIMIT));
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        if (call.param("cursor", null) == null && limit > 0) {
            results.addObject().put("id", SPACE_ID).put("key", "ENG").put("name", "Engineering").put("type", "global")
                    .put("status", "current").put("authorId", Users.ADMIN_ACCOUNT_ID)
                    .put("createdAt", data.now().toString()).put("homepageId", SPACE_ID + "1");
        }
        result.putObject("_links");
        return Reply.ok(result);
    }

    private Reply pages(Call call) {
        int limit = Math.min(call.intParam("limit", 25), MAX_LIMIT);
        int start = call.param("cursor", null) == null ? 0 : SearchRoutes.decodeToken(call.param("cursor", null));
        List<ObjectNode> sorted;
        synchronized (data) {
            // -modified-date: newest first, the order activity ingest walks back to its watermark.
            sorted = data.pages.stream().sorted(Comparator.comparing(
                    (ObjectNode page) -> page.path("version").path("createdAt").asText()).reversed()).toList();
        }
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        sorted.stream().skip(start).limit(limit).forEach(page -> results.add(page.deepCopy().without("comments")));
        ObjectNode links = result.putObject("_links");
        if (start + limit < sorted.size()) {
            links.put("next", "/wiki/api/v2/pages?limit=" + limit + "&cursor=" + SearchRoutes.encodeToken(start + limit));
        }
        return Reply.ok(result);
    }

    private Reply createPage(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.hasNonNull("spaceId") || !body.hasNonNull("title")) {
            return Reply.error(400, "A page needs spaceId and title.");
        }
        ObjectNode page = Json.object();
        page.put("id", data.nextId());
        page.put("status", "current");
        page.put("title", body.path("title").asText());
        page.put("spaceId", body.path("spaceId").asText());
        page.put("authorId", Users.ADMIN_ACCOUNT_ID);
        page.put("createdAt", data.now().toString());
        page.putObject("version").put("number", 1).put("createdAt", data.now().toString()).put("authorId", Users.ADMIN_ACCOUNT_ID);
        page.set("body", body.path("body"));
        page.putArray("comments");
        synchronized (data) {
            data.pages.add(page);
        }
        return Reply.ok(page.deepCopy().without("comments"));
    }

    private Reply page(Call call) {
        return find(call.variable(0)).map(page -> Reply.ok(page.deepCopy().without("comments")))
                .orElseGet(() -> Reply.error(404, "Page not found"));
    }

    private Reply comments(Call call) {
        return find(call.variable(0)).map(page -> {
            ObjectNode result = Json.object();
            result.set("results", page.path("comments").deepCopy());
            result.putObject("_links");
            return Reply.ok(result);
        }).orElseGet(() -> Reply.error(404, "Page not found"));
    }

    private Reply comment(Call call) {
        JsonNode body = call.body();
        String pageId = body == null ? null : body.path("pageId").asText(null);
        return (pageId == null ? java.util.Optional.<ObjectNode>empty() : find(pageId)).map(page -> {
            ObjectNode comment = Json.object();
            comment.put("id", data.nextId());
            comment.put("status", "current");
            comment.put("pageId", pageId);
            comment.putObject("version").put("number", 1).put("createdAt", data.now().toString())
                    .put("authorId", Users.ADMIN_ACCOUNT_ID);
            comment.set("body", body.path("body"));
            synchronized (data) {
                ((ArrayNode) page.get("comments")).add(comment);
            }
            return Reply.ok(comment);
        }).orElseGet(() -> Reply.error(400, "pageId must name an existing page."));
    }

    private java.util.Optional<ObjectNode> find(String id) {
        synchronized (data) {
            return data.pages.stream().filter(page -> page.path("id").asText().equals(id)).findFirst();
        }
    }
}
