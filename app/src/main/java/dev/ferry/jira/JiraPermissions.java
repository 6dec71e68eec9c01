package dev.ferry.jira;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What Jira lets a user or the connection itself do: Jira administration, editing an issue, a project's
 * permissions. Beside {@link JiraClient}, through the same {@link JiraCalls} (rate budget, signing, retries).
 */
@Component
public class JiraPermissions {

    /** Jira's "Administer Jira" global permission. */
    static final String ADMINISTER = "ADMINISTER";
    /** Jira's "Edit issues" project permission. */
    static final String EDIT_ISSUES = "EDIT_ISSUES";

    private final JiraCalls calls;

    JiraPermissions(JiraCalls calls) {
        this.calls = calls;
    }

    /**
     * Whether the user holds Jira's {@code ADMINISTER} global permission: {@code POST /rest/api/3/permissions/check}.
     * A Connect app may ask this for any user from its server (never from the browser), which is what lets
     * Ferry trust the answer rather than anything the page says.
     */
    public boolean isJiraAdmin(JiraSite site, String accountId) {
        var body = IssueBodies.JSON.createObjectNode().put("accountId", accountId);
        body.putArray("globalPermissions").add(ADMINISTER);
        JsonNode grants = calls.json(site, JiraRequest.idempotentPost(uri(site, "/rest/api/3/permissions/check"),
                IssueBodies.JSON.writeValueAsString(body)));
        for (JsonNode granted : grants.path("globalPermissions")) {
            if (ADMINISTER.equals(granted.asString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the user holds Jira's {@code EDIT_ISSUES} project permission on the issue, asked the same way
     * as {@link #isJiraAdmin} ({@code projectPermissions} of {@code POST /rest/api/3/permissions/check}).
     * An issue id that is not a Jira id (a number) is editable by nobody.
     */
    public boolean canEditIssue(JiraSite site, String accountId, String issueId) {
        long id;
        try {
            id = Long.parseLong(issueId);
        } catch (NumberFormatException notJiraId) {
            return false;
        }
        var body = IssueBodies.JSON.createObjectNode().put("accountId", accountId);
        var asked = body.putArray("projectPermissions").addObject();
        asked.putArray("permissions").add(EDIT_ISSUES);
        asked.putArray("issues").add(id);
        JsonNode grants = calls.json(site, JiraRequest.idempotentPost(uri(site, "/rest/api/3/permissions/check"),
                IssueBodies.JSON.writeValueAsString(body)));
        for (JsonNode grant : grants.path("projectPermissions")) {
            if (EDIT_ISSUES.equals(grant.path("permission").asString())) {
                for (JsonNode issue : grant.path("issues")) {
                    if (issue.asLong() == id) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Which of {@code permissions} the calling account holds: {@code GET /rest/api/3/mypermissions}, in the
     * project when {@code projectKey} is given (project permissions are per project), else anywhere.
     */
    public Map<String, Boolean> myPermissions(JiraSite site, String projectKey, List<String> permissions) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/mypermissions")
                .queryParam("permissions", String.join(",", permissions));
        if (projectKey != null) {
            builder.queryParam("projectKey", projectKey);
        }
        JsonNode held = calls.json(site, JiraRequest.get(builder.build().encode().toUri())).path("permissions");
        Map<String, Boolean> answer = new java.util.LinkedHashMap<>();
        permissions.forEach(key -> answer.put(key, held.path(key).path("havePermission").asBoolean(false)));
        return answer;
    }

    private static URI uri(JiraSite site, String path) {
        return UriComponentsBuilder.fromUri(site.apiBase()).path(path).build().encode().toUri();
    }
}
