package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Confluence v2's shapes of spaces, pages, comments and versions, and its error body. */
final class ConfluenceJson {

    /** Confluence writes {@code 2026-11-25T14:43:00.000Z}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ConfluenceJson() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static ObjectNode space(ConfluenceData.Space space, Instant created) {
        ObjectNode json = Json.object().put("id", space.id()).put("key", space.key()).put("name", space.name())
                .put("type", space.type()).put("status", space.status()).put("authorId", Users.ADMIN_ACCOUNT_ID)
                .put("createdAt", time(created)).put("homepageId", space.id() + "1");
        json.putObject("description");
        json.putObject("_links").put("webui", "/spaces/" + space.key());
        return json;
    }

    static ObjectNode page(ConfluenceData.Page page, String spaceKey) {
        ObjectNode json = Json.object().put("id", page.id).put("status", "current").put("title", page.title)
                .put("spaceId", page.spaceId).putNull("parentId").putNull("parentType").putNull("position")
                .put("authorId", page.authorId).put("ownerId", page.authorId).put("lastOwnerId", (String) null)
                .put("createdAt", time(page.createdAt));
        json.set("version", version(page.current()));
        json.putObject("body");
        json.putObject("_links").put("webui", webui(page, spaceKey)).put("editui", "/pages/resumedraft.action?draftId=" + page.id)
                .put("tinyui", "/x/" + ConfluencePaging.encode(page.id));
        return json;
    }

    static ObjectNode comment(ConfluenceData.Comment comment, ConfluenceData.Page page, String spaceKey) {
        ObjectNode json = Json.object().put("id", comment.id).put("status", "current").put("title", "Re: " + page.title)
                .put("pageId", comment.pageId);
        json.set("version", version(comment.current()));
        json.putObject("body");
        if (comment.inline) {
            json.put("resolutionStatus", "open");
            json.putObject("properties").put("inlineMarkerRef", "marker-" + comment.id)
                    .put("inlineOriginalSelection", page.title);
        }
        json.putObject("_links").put("webui", webui(page, spaceKey) + "?focusedCommentId=" + comment.id);
        return json;
    }

    static ObjectNode version(ConfluenceData.Version version) {
        return Json.object().put("number", version.number()).put("message", version.message()).put("minorEdit", false)
                .put("authorId", version.authorId()).put("createdAt", time(version.createdAt()));
    }

    /** {@code /spaces/ENG/pages/123/Release+plan}, relative to the site's {@code /wiki}. */
    static String webui(ConfluenceData.Page page, String spaceKey) {
        return "/spaces/" + spaceKey + "/pages/" + page.id + "/"
                + java.net.URLEncoder.encode(page.title, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Confluence v2's error body: {@code {"errors":[{status, code, title, detail}]}}. */
    static Reply error(int status, String code, String detail) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("status", status).put("code", code).put("title", detail)
                .putNull("detail");
        return new Reply(status, body, Map.of());
    }
}
