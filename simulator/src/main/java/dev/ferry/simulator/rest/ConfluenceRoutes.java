package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Confluence Cloud v2: spaces, pages with their versions, footer and inline comments with theirs, each list paged
 * by the cursor in {@code _links.next} (up to 250 a page), and the people's writes (publish, edit, comment).
 */
final class ConfluenceRoutes {

    static final int MAX_LIMIT = 250;

    private final JiraData site;
    private final ConfluenceData data;

    ConfluenceRoutes(JiraData site) {
        this.site = site;
        this.data = site.confluence();
    }

    void register(Routes routes) {
        routes.add("GET", "/wiki/api/v2/spaces", this::spaces)
                .add("GET", "/wiki/api/v2/pages", this::pages)
                .add("POST", "/wiki/api/v2/pages", this::createPage)
                .add("GET", "/wiki/api/v2/pages/{id}", this::page)
                .add("PUT", "/wiki/api/v2/pages/{id}", this::updatePage)
                .add("GET", "/wiki/api/v2/pages/{id}/versions", this::pageVersions)
                .add("GET", "/wiki/api/v2/pages/{id}/footer-comments", call -> pageComments(call, false))
                .add("GET", "/wiki/api/v2/pages/{id}/inline-comments", call -> pageComments(call, true))
                .add("GET", "/wiki/api/v2/footer-comments", call -> comments(call, false))
                .add("GET", "/wiki/api/v2/inline-comments", call -> comments(call, true))
                .add("POST", "/wiki/api/v2/footer-comments", call -> comment(call, false))
                .add("POST", "/wiki/api/v2/inline-comments", call -> comment(call, true))
                .add("GET", "/wiki/api/v2/footer-comments/{id}/versions", this::commentVersions)
                .add("GET", "/wiki/api/v2/inline-comments/{id}/versions", this::commentVersions);
        new ConfluenceSearch(data).register(routes);
    }

    private Reply spaces(Call call) {
        Set<String> ids = Set.copyOf(call.listParam("ids"));
        Set<String> keys = Set.copyOf(call.listParam("keys"));
        String status = call.param("status", null);
        String type = call.param("type", null);
        List<ConfluenceData.Space> spaces = data.spaces().stream().filter(s -> ids.isEmpty() || ids.contains(s.id()))
                .filter(s -> keys.isEmpty() || keys.contains(s.key())).filter(s -> status == null || status.equals(s.status()))
                .filter(s -> type == null || type.equals(s.type())).toList();
        int start = call.param("cursor", null) == null ? 0 : SearchRoutes.decodeToken(call.param("cursor", null));
        int limit = limit(call);
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        spaces.stream().skip(start).limit(limit).forEach(space -> results.add(ConfluenceJson.space(space, site.now())));
        String next = start + limit < spaces.size() ? SearchRoutes.encodeToken(start + limit) : null;
        return Reply.ok(links(result, call, "/wiki/api/v2/spaces", next));
    }

    private Reply pages(Call call) {
        Set<String> ids = Set.copyOf(call.listParam("id"));
        Set<String> spaceIds = Set.copyOf(call.listParam("space-id"));
        String title = call.param("title", null);
        List<ConfluenceData.Page> candidates = data.pagesNewestFirst();
        if (!ids.isEmpty() || !spaceIds.isEmpty() || title != null) {
            candidates = candidates.stream().filter(p -> ids.isEmpty() || ids.contains(p.id))
                    .filter(p -> spaceIds.isEmpty() || spaceIds.contains(p.spaceId))
                    .filter(p -> title == null || title.equals(p.title)).toList();
        }
        Comparator<ConfluenceData.Page> other = order(call.param("sort", null), p -> p.title, p -> p.createdAt);
        return paged(call, "/wiki/api/v2/pages", candidates, other, page -> ConfluenceJson.page(page, spaceKey(page)));
    }

    private Reply page(Call call) {
        return data.page(call.variable(0)).map(page -> Reply.ok(json(page))).orElseGet(ConfluenceRoutes::pageNotFound);
    }

    private Reply createPage(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.hasNonNull("spaceId") || !body.hasNonNull("title")) {
            return ConfluenceJson.error(400, "INVALID_REQUEST_PARAMETER", "A page needs spaceId and title.");
        }
        ConfluenceData.Page page = data.addPage(body.path("spaceId").asText(), body.path("title").asText(),
                call.caller(), site.now());
        return Reply.ok(json(page));
    }

    /** An edit: Confluence wants the next version's number, so two people cannot overwrite each other unseen. */
    private Reply updatePage(Call call) {
        Optional<ConfluenceData.Page> page = data.page(call.variable(0));
        if (page.isEmpty()) {
            return pageNotFound();
        }
        int asked = call.body() == null ? 0 : call.body().path("version").path("number").asInt(0);
        synchronized (data) {
            if (asked != page.get().current().number() + 1) {
                return ConfluenceJson.error(409, "CONFLICT", "Version must be incremented when updating a page. "
                        + "Current Version: [" + page.get().current().number() + "]. Provided version: [" + asked + "]");
            }
            data.editPage(page.get().id, call.caller(), site.now(),
                    call.body().path("version").path("message").asText(""));
        }
        return Reply.ok(json(page.get()));
    }

    private Reply pageVersions(Call call) {
        return data.page(call.variable(0)).map(page -> versions(call, page, "page", page.title))
                .orElseGet(ConfluenceRoutes::pageNotFound);
    }

    private Reply commentVersions(Call call) {
        return data.comment(call.variable(0)).map(comment -> versions(call, comment, "comment", null))
                .orElseGet(() -> ConfluenceJson.error(404, "NOT_FOUND", "Comment not found"));
    }

    /** A page's or comment's versions, newest first unless {@code sort=modified-date}, paged by offset. */
    private Reply versions(Call call, ConfluenceData.Content content, String kind, String title) {
        List<ConfluenceData.Version> versions;
        synchronized (data) {
            versions = content.versions();
        }
        if (!"modified-date".equals(call.param("sort", null))) {
            versions = new java.util.ArrayList<>(versions);
            java.util.Collections.reverse(versions);
        }
        int start = call.param("cursor", null) == null ? 0 : SearchRoutes.decodeToken(call.param("cursor", null));
        int limit = limit(call);
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        versions.stream().skip(start).limit(limit).forEach(version -> {
            ObjectNode json = ConfluenceJson.version(version);
            ObjectNode of = json.putObject(kind).put("id", content.id);
            if (title != null) {
                of.put("title", title);
            }
            results.add(json);
        });
        String next = start + limit < versions.size() ? SearchRoutes.encodeToken(start + limit) : null;
        return Reply.ok(links(result, call, call.path(), next));
    }

    private Reply pageComments(Call call, boolean inline) {
        Optional<ConfluenceData.Page> page = data.page(call.variable(0));
        if (page.isEmpty()) {
            return pageNotFound();
        }
        List<ConfluenceData.Comment> mine = data.commentsNewestFirst(inline).stream()
                .filter(comment -> comment.pageId.equals(page.get().id)).toList();
        return paged(call, call.path(), mine, order(call.param("sort", null), c -> c.id, c -> c.versions.get(0).createdAt()),
                comment -> ConfluenceJson.comment(comment, page.get(), spaceKey(page.get())));
    }

    private Reply comments(Call call, boolean inline) {
        String path = inline ? "/wiki/api/v2/inline-comments" : "/wiki/api/v2/footer-comments";
        return paged(call, path, data.commentsNewestFirst(inline),
                order(call.param("sort", null), c -> c.id, c -> c.versions.get(0).createdAt()), comment -> {
                    ConfluenceData.Page page = data.page(comment.pageId).orElseThrow();
                    return ConfluenceJson.comment(comment, page, spaceKey(page));
                });
    }

    private Reply comment(Call call, boolean inline) {
        JsonNode body = call.body();
        String pageId = body == null ? null : body.path("pageId").asText(null);
        if (pageId == null || data.page(pageId).isEmpty()) {
            return ConfluenceJson.error(400, "INVALID_REQUEST_PARAMETER", "pageId must name an existing page.");
        }
        ConfluenceData.Comment comment = data.addComment(pageId, inline, call.caller(), site.now());
        ConfluenceData.Page page = data.page(pageId).orElseThrow();
        return Reply.ok(ConfluenceJson.comment(comment, page, spaceKey(page)));
    }

    /** One page of {@code newestFirst} in the asked order, rendered under the data's lock (versions may grow). */
    private <T extends ConfluenceData.Content> Reply paged(Call call, String path, List<T> newestFirst,
            Comparator<T> other, Function<T, ObjectNode> render) {
        String sort = call.param("sort", null);
        var slice = ConfluencePaging.slice(newestFirst, sort, other, call.param("cursor", null), limit(call));
        if (slice.isEmpty()) {
            return ConfluenceJson.error(400, "INVALID_REQUEST_PARAMETER", "The cursor is not valid.");
        }
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("results");
        synchronized (data) {
            slice.get().items().forEach(item -> results.add(render.apply(item)));
        }
        return Reply.ok(links(result, call, path, slice.get().next()));
    }

    /** {@code _links.next} repeats the query with the next cursor, as Confluence does; {@code base} is the wiki's URL. */
    private static ObjectNode links(ObjectNode result, Call call, String path, String nextCursor) {
        ObjectNode links = result.putObject("_links");
        if (nextCursor != null) {
            StringBuilder next = new StringBuilder(path).append('?');
            call.query().forEach((name, values) -> {
                if (!name.equals("cursor")) {
                    values.forEach(value -> next.append(encode(name)).append('=').append(encode(value)).append('&'));
                }
            });
            links.put("next", next.append("cursor=").append(nextCursor).toString());
        }
        links.put("base", call.siteUrl() + "/wiki");
        return result;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Orders other than by modified date: by title (or id) or by creation, each either way. */
    private static <T extends ConfluenceData.Content> Comparator<T> order(String sort, Function<T, String> byName,
            Function<T, java.time.Instant> created) {
        String field = sort == null ? "" : sort.replaceFirst("^-", "");
        Comparator<T> comparator = switch (field) {
            case "title" -> Comparator.comparing(byName);
            case "created-date" -> Comparator.comparing(created);
            default -> Comparator.comparingLong(ConfluenceData.Content::idNumber);
        };
        return sort != null && sort.startsWith("-") ? comparator.reversed() : comparator;
    }

    private ObjectNode json(ConfluenceData.Page page) {
        synchronized (data) {
            return ConfluenceJson.page(page, spaceKey(page));
        }
    }

    /** A page's space key; a page put in a space the site does not have (as old tests do) shows the id. */
    private String spaceKey(ConfluenceData.Page page) {
        return data.space(page.spaceId).map(ConfluenceData.Space::key).orElse(page.spaceId);
    }

    private static Reply pageNotFound() {
        return ConfluenceJson.error(404, "NOT_FOUND", "Page not found");
    }

    private static int limit(Call call) {
        return Math.max(1, Math.min(call.intParam("limit", 25), MAX_LIMIT));
    }
}
