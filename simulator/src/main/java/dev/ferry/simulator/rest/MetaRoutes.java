package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** Who and what the site is: its projects (searched or one by one), their create-issue types, the caller, and server info. */
final class MetaRoutes {

    /** Jira's cap on {@code maxResults} for createmeta issue types. */
    static final int MAX_ISSUE_TYPES_PAGE = 200;
    /** Jira's cap on {@code maxResults} for the project search. */
    static final int MAX_PROJECTS_PAGE = 100;

    private final JiraData data;

    MetaRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/project/search", this::projects)
                .add("GET", "/rest/api/3/project/{project}", this::project)
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

    /** {@code GET /rest/api/3/project/search}: one page of the projects, ordered by key as Jira's default. */
    private Reply projects(Call call) {
        List<Project> all = data.projects().stream().sorted(Comparator.comparing(Project::key)).toList();
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_PROJECTS_PAGE));
        int end = Math.min(all.size(), startAt + maxResults);
        ObjectNode page = Json.object();
        page.put("self", call.siteUrl() + "/rest/api/3/project/search?startAt=" + startAt + "&maxResults=" + maxResults);
        if (end < all.size()) {
            page.put("nextPage", call.siteUrl() + "/rest/api/3/project/search?startAt=" + end + "&maxResults=" + maxResults);
        }
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", all.size());
        page.put("isLast", end >= all.size());
        ArrayNode values = page.putArray("values");
        for (int i = startAt; i < end; i++) {
            Project project = all.get(i);
            values.addObject().put("self", call.siteUrl() + "/rest/api/3/project/" + project.id())
                    .put("id", project.id()).put("key", project.key()).put("name", project.name())
                    .put("projectTypeKey", "software").put("simplified", false).put("style", "classic");
        }
        return Reply.ok(page);
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

    /** The caller's own account; an app's bot user has no email Jira would show. */
    private Reply myself(Call call) {
        Account account = data.accounts().byId(call.caller());
        ObjectNode user = Json.object();
        user.put("self", call.siteUrl() + "/rest/api/3/user?accountId=" + account.accountId());
        user.put("accountId", account.accountId());
        user.put("accountType", account.accountType());
        if (account.emailAddress() != null) {
            user.put("emailAddress", account.emailAddress());
        }
        user.put("displayName", account.displayName());
        user.put("active", true);
        user.put("timeZone", "Etc/UTC");
        user.put("locale", "en_US");
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
