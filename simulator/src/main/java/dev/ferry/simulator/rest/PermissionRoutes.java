package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /rest/api/3/permissions/check}: which of the asked permissions a user holds, as
 * {@link JiraData#holds} says (at first only the site admin holds {@code ADMINISTER}; every user holds
 * {@code USE}); {@code EDIT_ISSUES} is answered on the asked issues that exist; other project permissions
 * are granted to nobody here.
 */
final class PermissionRoutes {

    /** The global permissions Jira knows, enough to refuse a misspelt one with Jira's 400. */
    static final Set<String> GLOBAL = Set.of("ADMINISTER", "SYSTEM_ADMIN", "USE", "USER_PICKER", "CREATE_SHARED_OBJECTS",
            "MANAGE_GROUP_FILTER_SUBSCRIPTIONS", "BULK_CHANGE");
    /** The project permissions Jira knows that an app might ask about. */
    static final Set<String> PROJECT = Set.of("BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "DELETE_ISSUES",
            "ASSIGN_ISSUES", "TRANSITION_ISSUES", "ADD_COMMENTS", "ADMINISTER_PROJECTS", "LINK_ISSUES");
    static final String EDIT_ISSUES = "EDIT_ISSUES";

    private final JiraData data;

    PermissionRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("POST", "/rest/api/3/permissions/check", this::check);
    }

    private Reply check(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            return Reply.error(400, "The request body is not a permission check.");
        }
        String accountId = body.path("accountId").asText(null);
        ObjectNode grants = Json.object();
        ArrayNode granted = grants.putArray("globalPermissions");
        for (JsonNode permission : body.path("globalPermissions")) {
            String name = permission.asText();
            if (!GLOBAL.contains(name)) {
                return Reply.fieldErrors(Map.of(name, "Unrecognized permission"));
            }
            if (holds(accountId, name)) {
                granted.add(name);
            }
        }
        ArrayNode projectGrants = grants.putArray("projectPermissions");
        for (JsonNode asked : body.path("projectPermissions")) {
            for (JsonNode permission : asked.path("permissions")) {
                String name = permission.asText();
                if (!PROJECT.contains(name)) {
                    return Reply.fieldErrors(Map.of(name, "Unrecognized permission"));
                }
                projectGrants.add(projectGrant(accountId, name, asked));
            }
        }
        return Reply.ok(grants);
    }

    /** The asked issues and projects the user holds the permission on; Jira lists the permission even when empty. */
    private ObjectNode projectGrant(String accountId, String permission, JsonNode asked) {
        boolean holds = EDIT_ISSUES.equals(permission) && data.canEditIssues(accountId);
        ObjectNode grant = Json.object();
        grant.put("permission", permission);
        ArrayNode issues = grant.putArray("issues");
        ArrayNode projects = grant.putArray("projects");
        if (holds) {
            asked.path("issues").forEach(id -> data.issue(id.asText()).ifPresent(issue -> issues.add(Long.parseLong(issue.id))));
            asked.path("projects").forEach(id -> data.project(id.asText()).ifPresent(p -> projects.add(Long.parseLong(p.id()))));
        }
        return grant;
    }

    /** Without an accountId Jira answers for the caller, here the app, which administers nothing. */
    private boolean holds(String accountId, String permission) {
        return data.holds(accountId, permission);
    }
}
