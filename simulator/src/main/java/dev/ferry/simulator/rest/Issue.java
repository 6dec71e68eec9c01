package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One issue on the simulated site, with its comments, remote links, properties, changelog and worklogs. */
final class Issue {

    final String id;
    /** Not final: an issue moved to another project gets that project's next key (ids never change). */
    String key;
    Project project;
    final Project.IssueType type;
    final Instant created;
    final String reporterAccountId;
    String summary;
    JsonNode description;
    Status status = Status.TO_DO;
    JsonNode labels;
    String priority;
    String assigneeAccountId;
    Instant updated;
    /** The resolution's name while the issue is resolved (Jira's workflow sets it on the way into Done). */
    String resolution;
    Instant resolved;
    final List<ObjectNode> comments = new ArrayList<>();
    /** Comment properties by comment id: shown only with {@code expand=properties}, as Jira does. */
    final Map<String, ArrayNode> commentProperties = new LinkedHashMap<>();
    final List<ObjectNode> remoteLinks = new ArrayList<>();
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final List<ObjectNode> changelog = new ArrayList<>();
    final List<ObjectNode> worklogs = new ArrayList<>();

    Issue(String id, String key, Project project, Project.IssueType type, Instant created, String reporterAccountId) {
        this.id = id;
        this.key = key;
        this.project = project;
        this.type = type;
        this.created = created;
        this.updated = created;
        this.reporterAccountId = reporterAccountId;
    }

    /** Jira's issue representation; {@code fields} limits the fields returned, empty means all. */
    ObjectNode json(String siteUrl, List<String> fields) {
        return json(siteUrl, fields, Integer.MAX_VALUE);
    }

    /** As a search shows it: the comment field carries at most {@code maxComments}, the oldest first. */
    ObjectNode json(String siteUrl, List<String> fields, int maxComments) {
        ObjectNode issue = Json.object();
        issue.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        issue.put("id", id);
        issue.put("self", siteUrl + "/rest/api/3/issue/" + id);
        issue.put("key", key);
        ObjectNode all = allFields(siteUrl, maxComments);
        ObjectNode chosen = issue.putObject("fields");
        all.fieldNames().forEachRemaining(name -> {
            if (fields.isEmpty() || fields.contains("*all") || fields.contains(name)) {
                chosen.set(name, all.get(name));
            }
        });
        return issue;
    }

    private ObjectNode allFields(String siteUrl, int maxComments) {
        ObjectNode fields = Json.object();
        fields.put("summary", summary);
        fields.set("description", description);
        fields.set("status", status.json(siteUrl));
        ObjectNode projectJson = fields.putObject("project");
        projectJson.put("self", siteUrl + "/rest/api/3/project/" + project.id());
        projectJson.put("id", project.id());
        projectJson.put("key", project.key());
        projectJson.put("name", project.name());
        ObjectNode typeJson = fields.putObject("issuetype");
        typeJson.put("id", type.id());
        typeJson.put("name", type.name());
        typeJson.put("subtask", type.subtask());
        fields.set("labels", labels == null ? Json.array() : labels);
        if (priority != null) {
            fields.putObject("priority").put("name", priority);
        }
        fields.set("reporter", Users.user(siteUrl, reporterAccountId));
        if (assigneeAccountId == null) {
            fields.putNull("assignee");
        } else {
            fields.set("assignee", Users.user(siteUrl, assigneeAccountId));
        }
        fields.put("created", Json.time(created));
        fields.put("updated", Json.time(updated));
        fields.putNull("resolutiondate");
        if (status == Status.DONE) {
            fields.put("resolutiondate", Json.time(resolved == null ? updated : resolved));
        }
        if (resolution == null) {
            fields.putNull("resolution");
        } else {
            fields.putObject("resolution").put("id", Changes.DONE_RESOLUTION_ID).put("name", resolution);
        }
        // Jira's comment field: a page of the comments (a search shows the first ones only) and the total.
        ObjectNode comment = fields.putObject("comment");
        ArrayNode list = comment.putArray("comments");
        comments.stream().limit(maxComments).forEach(list::add);
        comment.put("self", siteUrl + "/rest/api/3/issue/" + id + "/comment");
        comment.put("maxResults", Math.min(maxComments, comments.size()));
        comment.put("total", comments.size());
        comment.put("startAt", 0);
        return fields;
    }
}
