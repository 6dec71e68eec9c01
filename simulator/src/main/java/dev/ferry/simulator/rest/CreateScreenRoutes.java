package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The create screen of a project's issue type, field by field ({@code GET
 * /rest/api/3/issue/createmeta/{project}/issuetypes/{issueType}}): what a create may set, and the values
 * Jira allows, such as the priorities. Jira asks only {@code read:jira-work} for it, where the site-wide
 * priority search needs {@code manage:jira-configuration}.
 */
final class CreateScreenRoutes {

    /** Jira's cap on {@code maxResults} for the create screen's fields. */
    static final int MAX_FIELDS_PAGE = 200;

    private final JiraData data;

    CreateScreenRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/issue/createmeta/{project}/issuetypes/{issueType}", this::fields);
    }

    private Reply fields(Call call) {
        var project = data.project(call.variable(0));
        if (project.isEmpty()) {
            return Reply.error(404, "No project could be found with key '" + call.variable(0) + "'.");
        }
        // Jira takes the issue type's id here, never its name.
        if (project.get().issueTypes().stream().noneMatch(type -> type.id().equals(call.variable(1)))) {
            return Reply.error(404, "Issue type with id '" + call.variable(1) + "' does not exist in the project.");
        }
        List<ObjectNode> all = screen(call, project.get());
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_FIELDS_PAGE));
        ObjectNode page = Json.object();
        ArrayNode fields = page.putArray("fields");
        all.stream().skip(startAt).limit(maxResults).forEach(fields::add);
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", all.size());
        return Reply.ok(page);
    }

    /** The fields of the screen in Jira's order; Priority only while the project's screen has it. */
    private List<ObjectNode> screen(Call call, Project project) {
        List<ObjectNode> fields = new java.util.ArrayList<>(List.of(field("summary", "Summary", true, "string"),
                field("issuetype", "Issue Type", true, "issuetype"), field("project", "Project", true, "project"),
                field("description", "Description", false, "string"), field("labels", "Labels", false, "array"),
                field("assignee", "Assignee", false, "user")));
        if (data.priorityOnCreateScreen(project)) {
            ObjectNode priority = field("priority", "Priority", false, "priority");
            ArrayNode allowed = priority.putArray("allowedValues");
            List<String> scheme = data.priorities();
            for (int i = 0; i < scheme.size(); i++) {
                String id = Integer.toString(i + 1);
                allowed.addObject().put("self", call.siteUrl() + "/rest/api/3/priority/" + id)
                        .put("iconUrl", call.siteUrl() + "/images/icons/priorities/" + id + ".svg")
                        .put("name", scheme.get(i)).put("id", id);
            }
            priority.put("hasDefaultValue", scheme.contains("Medium"));
            fields.add(priority);
        }
        return fields;
    }

    private static ObjectNode field(String id, String name, boolean required, String type) {
        ObjectNode field = Json.object();
        field.put("required", required);
        ObjectNode schema = field.putObject("schema").put("type", type).put("system", id);
        if (type.equals("array")) {
            schema.put("items", "string");
        }
        field.put("name", name).put("key", id).put("fieldId", id).put("hasDefaultValue", false);
        field.putArray("operations").add("set");
        return field;
    }
}
