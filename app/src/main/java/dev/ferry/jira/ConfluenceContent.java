package dev.ferry.jira;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A Confluence page or comment as activity ingest needs it, and its current version.
 *
 * @param spaceId the page's space (null for a comment)
 * @param pageId  the page a comment is on (null for a page)
 * @param created   when version 1 was made, when Confluence says (pages)
 * @param creatorId who made version 1, when Confluence says (pages)
 * @param webui   the web link relative to the wiki ({@code /spaces/ENG/pages/123/Title})
 */
public record ConfluenceContent(String id, String title, String spaceId, String pageId, Instant created,
        String creatorId, Version version, String webui) {

    /** One version: its number (1 is the creation), when and by whom, and the note left with it. */
    public record Version(int number, Instant createdAt, String authorId, String message) {
    }

    static ConfluenceContent of(JsonNode json) {
        String created = json.path("createdAt").asString(null);
        return new ConfluenceContent(json.path("id").asString(), json.path("title").asString(null),
                json.path("spaceId").asString(null), json.path("pageId").asString(null),
                created == null ? null : Instant.parse(created), json.path("authorId").asString(null),
                version(json.path("version")),
                json.path("_links").path("webui").asString(null));
    }

    static Version version(JsonNode json) {
        String message = json.path("message").asString("");
        return new Version(json.path("number").asInt(), Instant.parse(json.path("createdAt").asString()),
                json.path("authorId").asString(null), message.isEmpty() ? null : message);
    }

    public Instant modifiedAt() {
        return version.createdAt();
    }

    /** Version 1 as the page itself tells it (its creation and creator), when it does; else null. */
    public Version first() {
        return created == null || creatorId == null ? null : new Version(1, created, creatorId, null);
    }
}
