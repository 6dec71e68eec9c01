package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /rest/api/3/mypermissions?permissions=A,B}: which of the asked permissions the caller holds,
 * the way a client checks an API-token or OAuth connection can do its job before relying on it.
 */
final class MyPermissionsRoutes {

    private final JiraData data;

    MyPermissionsRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/mypermissions", this::mine);
    }

    private Reply mine(Call call) {
        List<String> asked = call.listParam("permissions");
        if (asked.isEmpty()) {
            return Reply.error(400, "The permissions parameter is required.");
        }
        Reply missing = missingContext(call);
        if (missing != null) {
            return missing;
        }
        ObjectNode permissions = Json.object();
        for (String key : asked) {
            var permission = PermissionCatalog.find(key);
            if (permission.isEmpty()) {
                return Reply.fieldErrors(Map.of("permissions", "Unrecognized permission: " + key));
            }
            PermissionCatalog.Permission p = permission.get();
            permissions.putObject(key).put("id", p.id()).put("key", p.key()).put("name", p.name()).put("type", p.type())
                    .put("description", p.description()).put("havePermission", data.holds(call.caller(), key));
        }
        ObjectNode body = Json.object();
        body.set("permissions", permissions);
        return Reply.ok(body);
    }

    /** A project or issue context that does not exist is Jira's 404. */
    private Reply missingContext(Call call) {
        for (String name : List.of("projectKey", "projectId")) {
            String project = call.param(name, null);
            if (project != null && data.project(project).isEmpty()) {
                return Reply.error(404, "No project could be found with " + (name.equals("projectKey") ? "key" : "id")
                        + " '" + project + "'.");
            }
        }
        for (String name : List.of("issueKey", "issueId")) {
            String issue = call.param(name, null);
            if (issue != null && data.issue(issue).isEmpty()) {
                return Reply.error(404, "Issue does not exist or you do not have permission to see it.");
            }
        }
        return null;
    }
}
