package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Create, read and delete issues, with the field checks Jira makes on create. */
final class IssueRoutes {

    static final int MAX_SUMMARY = 255;

    private final JiraData data;
    private final Adf adf;

    IssueRoutes(JiraData data, Adf adf) {
        this.data = data;
        this.adf = adf;
    }

    void register(Routes routes) {
        routes.add("POST", "/rest/api/3/issue", this::create)
                .add("GET", "/rest/api/3/issue/{issue}", this::get)
                .add("DELETE", "/rest/api/3/issue/{issue}", this::delete);
    }

    private Reply create(Call call) {
        JsonNode fields = call.body() == null ? null : call.body().get("fields");
        if (fields == null || !fields.isObject()) {
            return Reply.error(400, "No fields were sent to create the issue.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Project> project = project(fields.path("project"), errors);
        Optional<Project.IssueType> type = project.flatMap(p -> issueType(p, fields.path("issuetype"), errors));
        String summary = fields.path("summary").asText("");
        if (summary.isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (summary.length() > MAX_SUMMARY) {
            errors.put("summary", "Summary must be less than 255 characters.");
        }
        if (fields.has("description") && !fields.get("description").isNull()) {
            adf.problem(fields.get("description")).ifPresent(problem -> errors.put("description", problem));
        }
        project.ifPresent(p -> fieldProblems(p, fields, errors));
        JsonNode properties = call.body().path("properties");
        properties.forEach(property -> propertyProblem(property).ifPresent(problem -> errors.put("properties", problem)));
        if (!errors.isEmpty()) {
            return Reply.fieldErrors(errors);
        }
        synchronized (data) {
            // Jira files the issue as whoever called: the app's bot user for a JWT, the account of a token.
            Issue issue = data.newIssue(project.get(), type.get(), call.caller() != null ? call.caller() : Users.ADMIN_ACCOUNT_ID);
            issue.summary = summary;
            issue.description = fields.get("description");
            issue.labels = fields.get("labels");
            issue.priority = priority(fields.path("priority")).orElse(null);
            issue.assigneeAccountId = fields.path("assignee").path("accountId").asText(null);
            properties.forEach(property -> issue.properties.put(property.path("key").asText(), property.get("value")));
            return Reply.created(created(call, issue));
        }
    }

    /** Jira's checks on the optional fields: a priority of the scheme, labels without spaces, an assignable assignee. */
    private void fieldProblems(Project project, JsonNode fields, Map<String, String> errors) {
        if (fields.has("priority") && !data.priorityOnCreateScreen(project)) {
            errors.put("priority", "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.");
        } else if (fields.has("priority") && priority(fields.get("priority")).isEmpty()) {
            errors.put("priority", "Specify the Priority (id or name) in the string format");
        }
        fields.path("labels").forEach(label -> {
            if (!label.isTextual() || label.asText().isBlank() || label.asText().chars().anyMatch(Character::isWhitespace)) {
                errors.put("labels", "The label '" + label.asText() + "' contains spaces which is invalid.");
            }
        });
        JsonNode assignee = fields.path("assignee");
        if (assignee.isObject() && !data.isAssignable(project, assignee.path("accountId").asText(""))) {
            errors.put("assignee", "User '" + assignee.path("accountId").asText("") + "' cannot be assigned issues.");
        }
    }

    /** The scheme's name of the priority given by name (exactly, as Jira matches it) or id. */
    private Optional<String> priority(JsonNode priority) {
        java.util.List<String> scheme = data.priorities();
        if (priority.has("id")) {
            int index = priority.path("id").asInt(0) - 1;
            return index >= 0 && index < scheme.size() ? Optional.of(scheme.get(index)) : Optional.empty();
        }
        String name = priority.path("name").asText("");
        return scheme.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
    }

    /** Jira's checks on a property set with the create: a key, and a value within the size limit. */
    private static Optional<String> propertyProblem(JsonNode property) {
        if (property.path("key").asText("").isBlank()) {
            return Optional.of("The property key must not be empty.");
        }
        if (!property.has("value") || Json.write(property.get("value")).length() > IssuePartsRoutes.MAX_PROPERTY_CHARS) {
            return Optional.of("The property value must be present and at most 32768 characters.");
        }
        return Optional.empty();
    }

    private static ObjectNode created(Call call, Issue issue) {
        ObjectNode created = Json.object();
        created.put("id", issue.id);
        created.put("key", issue.key);
        created.put("self", call.siteUrl() + "/rest/api/3/issue/" + issue.id);
        return created;
    }

    private Optional<Project> project(JsonNode project, Map<String, String> errors) {
        String idOrKey = project.has("key") ? project.path("key").asText() : project.path("id").asText("");
        if (idOrKey.isBlank()) {
            errors.put("project", "Specify a valid project ID or key");
            return Optional.empty();
        }
        Optional<Project> found = data.project(idOrKey);
        if (found.isEmpty()) {
            errors.put("project", "valid project is required");
        }
        return found;
    }

    private Optional<Project.IssueType> issueType(Project project, JsonNode type, Map<String, String> errors) {
        String idOrName = type.has("id") ? type.path("id").asText() : type.path("name").asText("");
        if (idOrName.isBlank()) {
            errors.put("issuetype", "Specify an issue type");
            return Optional.empty();
        }
        Optional<Project.IssueType> found = project.issueType(idOrName);
        if (found.isEmpty()) {
            errors.put("issuetype", "Specify a valid issue type");
        }
        return found;
    }

    private Reply get(Call call) {
        synchronized (data) {
            return data.issue(call.variable(0))
                    .map(issue -> Reply.ok(issue.json(call.siteUrl(), call.listParam("fields"))))
                    .orElseGet(IssueRoutes::missing);
        }
    }

    private Reply delete(Call call) {
        return data.deleteIssue(call.variable(0)) ? Reply.noContent() : missing();
    }

    /** Jira's answer for an issue that does not exist or that the caller may not see. */
    static Reply missing() {
        return Reply.error(404, "Issue does not exist or you do not have permission to see it.");
    }
}
