package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Who and what the site is: projects, their create-issue types, the caller, and server info. */
final class MetaRoutes {

    /** Jira's cap on {@code maxResults} for createmeta issue types. */
    static final int MAX_ISSUE_TYPES_PAGE = 200;

    private final JiraData data;

    MetaRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/project/{project}", this::project)
                .add("GET", "/rest/api/3/issue/createmeta/{project}/issuetypes", this::issueTypes)
                .add("GET", "/rest/api/3/myself", this::myself)
                .add("GET", "/rest/api/3/serverInfo", this::serverInfo);
    }

    private Reply project(Call call) {
        return data.project(call.variable(0)).map(project -> {
            ObjectNode json = Json.object();
            json.put("self", call.siteUrl() + "/rest/api/3/project/" + project.id());
            json.put("id", project.id());
            json.put("key", project.key());
            json.put("name", project.name());
            json.put("projectTypeKey", "software");
            json.set("issueTypes", types(call, project));
            return Reply.ok(json);
        }).orElseGet(() -> Reply.error(404, "No project could be found with key '" + call.variable(0) + "'."));
    }

    private Reply issueTypes(Call call) {
        return data.project(call.variable(0)).map(project -> {
            ArrayNode all = types(call, project);
            int startAt = Math.max(0, call.intParam("startAt", 0));
            int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_ISSUE_TYPES_PAGE));
            ObjectNode page = Json.object();
            ArrayNode types = page.putArray("issueTypes");
            for (int i = startAt; i < Math.min(all.size(), startAt + maxResults); i++) {
                types.add(all.get(i));
            }
            page.put("maxResults", maxResults);
            page.put("startAt", startAt);
            page.put("total", all.size());
            return Reply.ok(page);
        }).orElseGet(() -> Reply.error(404, "No project could be found with key '" + call.variable(0) + "'."));
    }

    private static ArrayNode types(Call call, Project project) {
        ArrayNode types = Json.array();
        project.issueTypes().forEach(type -> types.addObject()
                .put("self", call.siteUrl() + "/rest/api/3/issuetype/" + type.id())
                .put("id", type.id()).put("name", type.name()).put("subtask", type.subtask()));
        return types;
    }

    private Reply myself(Call call) {
        ObjectNode user = Users.user(call.siteUrl(), Users.ADMIN_ACCOUNT_ID);
        user.put("emailAddress", Users.ADMIN_EMAIL);
        return Reply.ok(user);
    }

    private Reply serverInfo(Call call) {
        ObjectNode info = Json.object();
        info.put("baseUrl", call.siteUrl());
        info.put("version", "1001.0.0-SNAPSHOT");
        info.putArray("versionNumbers").add(1001).add(0).add(0);
        info.put("deploymentType", "Cloud");
        info.put("buildNumber", 100289);
        info.put("serverTitle", "Jira");
        info.put("serverTime", Json.time(data.now()));
        return Reply.ok(info);
    }
}
