package dev.ferry.jira;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What activity ingest reads from Confluence Cloud's v2 API: pages and comments newest first, their versions, pages
 * by id and the spaces. Beside {@link JiraClient}, through the same {@link JiraCalls} (rate budget, credentials,
 * retries); the {@link JiraSite} is a Confluence target, whose {@code apiBase} ends in {@code /wiki}. Each answer is
 * parsed once into small records: a backfill reads thousands of them.
 */
@Component
public class ConfluenceReads {

    /** Confluence v2's largest page of a listing. */
    public static final int MAX_PAGE = 250;

    private final JiraCalls calls;

    ConfluenceReads(JiraCalls calls) {
        this.calls = calls;
    }

    /** One page of pages, most recently modified first: {@code GET /api/v2/pages?sort=-modified-date}. */
    public ConfluenceListing pagesNewestFirst(JiraSite confluence, String cursor, int limit) {
        return listing(confluence, "/api/v2/pages", cursor, limit);
    }

    /** One page of footer or inline comments, most recently modified first: {@code GET /api/v2/footer-comments}... */
    public ConfluenceListing commentsNewestFirst(JiraSite confluence, boolean inline, String cursor, int limit) {
        return listing(confluence, inline ? "/api/v2/inline-comments" : "/api/v2/footer-comments", cursor, limit);
    }

    /** The page's versions made at or after {@code since}, newest first: {@code GET /api/v2/pages/{id}/versions}. */
    public List<ConfluenceContent.Version> pageVersions(JiraSite confluence, String pageId, Instant since) {
        return versions(confluence, "/api/v2/pages/{id}/versions", pageId, since);
    }

    /** The comment's versions made at or after {@code since}, newest first. */
    public List<ConfluenceContent.Version> commentVersions(JiraSite confluence, boolean inline, String commentId,
            Instant since) {
        return versions(confluence, inline ? "/api/v2/inline-comments/{id}/versions" : "/api/v2/footer-comments/{id}/versions",
                commentId, since);
    }

    /** The pages with these ids that the account may see, by id: {@code GET /api/v2/pages?id=…}, 250 a call. */
    public Map<String, ConfluenceContent> pagesById(JiraSite confluence, Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, ConfluenceContent> pages = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += MAX_PAGE) {
            UriComponentsBuilder builder = UriComponentsBuilder.fromUri(confluence.apiBase()).path("/api/v2/pages")
                    .queryParam("limit", MAX_PAGE);
            // Repeated rather than comma-separated: the form Atlassian's OpenAPI document describes.
            all.subList(from, Math.min(all.size(), from + MAX_PAGE)).forEach(id -> builder.queryParam("id", id));
            ConfluenceListing found = parse(calls.json(confluence, JiraRequest.get(builder.build().encode().toUri())));
            found.items().forEach(page -> pages.put(page.id(), page));
        }
        return pages;
    }

    /** Every space the account may see, its key by its id: {@code GET /api/v2/spaces}, 250 a call. */
    public Map<String, String> spaceKeys(JiraSite confluence) {
        Map<String, String> keys = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode answer = calls.json(confluence,
                    JiraRequest.get(uri(confluence, "/api/v2/spaces", null, null, cursor, MAX_PAGE)));
            answer.path("results").forEach(space -> keys.put(space.path("id").asString(), space.path("key").asString()));
            cursor = nextCursor(answer);
        } while (cursor != null);
        return keys;
    }

    private ConfluenceListing listing(JiraSite confluence, String path, String cursor, int limit) {
        URI uri = uri(confluence, path, null, "-modified-date", cursor, Math.max(1, Math.min(limit, MAX_PAGE)));
        return parse(calls.json(confluence, JiraRequest.get(uri)));
    }

    private List<ConfluenceContent.Version> versions(JiraSite confluence, String path, String id, Instant since) {
        List<ConfluenceContent.Version> versions = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode answer = calls.json(confluence,
                    JiraRequest.get(uri(confluence, path, id, "-modified-date", cursor, MAX_PAGE)));
            for (JsonNode json : answer.path("results")) {
                ConfluenceContent.Version version = ConfluenceContent.version(json);
                if (version.createdAt().isBefore(since)) {
                    return versions;
                }
                versions.add(version);
            }
            cursor = nextCursor(answer);
        } while (cursor != null);
        return versions;
    }

    /** A listing's address; {@code id} fills a path's {@code {id}}, and it, {@code sort} and {@code cursor} may be null. */
    private static URI uri(JiraSite confluence, String path, String id, String sort, String cursor, int limit) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(confluence.apiBase()).path(path);
        if (sort != null) {
            builder.queryParam("sort", sort);
        }
        builder.queryParam("limit", limit);
        if (cursor != null) {
            builder.queryParam("cursor", "{cursor}");
        }
        // Expanded rather than appended, so a cursor's or id's reserved characters are encoded.
        return builder.encode().buildAndExpand(Stream.of(id, cursor).filter(Objects::nonNull).toArray()).toUri();
    }

    private static ConfluenceListing parse(JsonNode answer) {
        List<ConfluenceContent> items = new ArrayList<>(answer.path("results").size());
        answer.path("results").forEach(json -> items.add(ConfluenceContent.of(json)));
        return new ConfluenceListing(items, nextCursor(answer), answer.path("_links").path("base").asString(null));
    }

    /**
     * The {@code cursor} of Confluence's {@code _links.next}, or null on the last page. Only the cursor is kept: the
     * next request is built here against the connection's own address, never the link's.
     */
    static String nextCursor(JsonNode answer) {
        String next = answer.path("_links").path("next").asString(null);
        if (next == null || next.isEmpty()) {
            return null;
        }
        String cursor = UriComponentsBuilder.fromUriString(next).build().getQueryParams().getFirst("cursor");
        return cursor == null ? null : java.net.URLDecoder.decode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }
}
