package dev.ferry.jira;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Every call Ferry makes to a Jira site, as the app (Connect JWT), in domain terms. Each goes through
 * {@link JiraCalls}: the site's shared rate budget, signing, retries, and Jira's errors as {@link JiraException}.
 */
@Component
public class JiraClient {

    /**
     * The issue property that marks an issue as filed by a delivery or a hand ticket ({@code {"id": "<marker>"}}),
     * written with the issue itself; {@link #findCreatedWithMarker} reads it back without any index.
     */
    public static final String DELIVERY_PROPERTY = "ferry-delivery";
    private static final int COMMENTS_PER_PAGE = 100;
    /** The path of the marker's value inside {@link #DELIVERY_PROPERTY}. */
    public static final String DELIVERY_PROPERTY_PATH = "id";

    /** Jira's cap on ids in one {@code id in (...)} search page that Ferry relies on (PROTOCOL §9). */
    static final int IDS_PER_SEARCH = 100;
    static final int ISSUE_TYPES_PER_PAGE = 200;
    /** Jira's cap on {@code maxResults} for the project search. */
    static final int PROJECTS_PER_PAGE = 100;

    /** Jira's reserved app property holding the Connect clientKey of a Forge installation (Connect on Forge). */
    static final String CONNECT_CLIENT_KEY_PROPERTY = "connect_client_key_019cdff3-8bfb-71fe-9628-875b700aebb8";

    private final JiraCalls calls;
    private final Clock clock;

    JiraClient(JiraCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** {@code PUT /rest/api/3/issue/{issue}/properties/{key}}: the glance badge, delivery markers. */
    public void setIssueProperty(JiraSite site, String issueIdOrKey, String propertyKey, Object value) {
        URI uri = uri(site, "/rest/api/3/issue/{issue}/properties/{key}", issueIdOrKey, propertyKey);
        calls.exchange(site, JiraRequest.put(uri, IssueBodies.JSON.writeValueAsString(value)));
    }

    /** {@code GET /rest/api/3/issue/{issue}?fields=status}. */
    public JiraIssue getIssueStatus(JiraSite site, String issueIdOrKey) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/issue/{issue}")
                .queryParam("fields", "status").buildAndExpand(issueIdOrKey).encode().toUri();
        return IssueBodies.issue(calls.json(site, JiraRequest.get(uri)));
    }

    /**
     * {@code POST /rest/api/3/issue} with the draft's properties set atomically. Never retried after a 5xx
     * or a lost answer (Jira may have filed it): the caller searches by its marker before filing again.
     */
    public CreatedIssue createIssue(JiraSite site, IssueDraft draft) {
        URI uri = uri(site, "/rest/api/3/issue");
        JsonNode created = calls.json(site, JiraRequest.creatingPost(uri, IssueBodies.create(draft)));
        return new CreatedIssue(created.path("id").asString(), created.path("key").asString());
    }

    /** {@code POST /rest/api/3/issue/{issue}/comment}; returns the comment id. Not retried after a 5xx either. */
    public String addComment(JiraSite site, String issueIdOrKey, JsonNode adfBody) {
        return addComment(site, issueIdOrKey, adfBody, Map.of());
    }

    /** As {@link #addComment(JiraSite, String, JsonNode)}, with comment properties written atomically with it. */
    public String addComment(JiraSite site, String issueIdOrKey, JsonNode adfBody, Map<String, JsonNode> properties) {
        URI uri = uri(site, "/rest/api/3/issue/{issue}/comment", issueIdOrKey);
        return calls.json(site, JiraRequest.creatingPost(uri, IssueBodies.comment(adfBody, properties))).path("id").asString();
    }

    /**
     * The ids of the issue's comments whose property {@code propertyKey} has {@code path} = {@code value}:
     * {@code GET /rest/api/3/issue/{issue}/comment?expand=properties}, every page. Comments cannot be
     * searched by JQL, so this reads them.
     */
    public List<String> findCommentsByProperty(JiraSite site, String issueIdOrKey, String propertyKey, String path,
            String value) {
        List<String> found = new ArrayList<>();
        int seen = 0;
        long total;
        do {
            URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/issue/{issue}/comment")
                    .queryParam("startAt", seen).queryParam("maxResults", COMMENTS_PER_PAGE)
                    .queryParam("expand", "properties").buildAndExpand(issueIdOrKey).encode().toUri();
            JsonNode page = calls.json(site, JiraRequest.get(uri));
            for (JsonNode comment : page.path("comments")) {
                seen++;
                for (JsonNode property : comment.path("properties")) {
                    if (propertyKey.equals(property.path("key").asString())
                            && value.equals(property.path("value").path(path).asString(null))) {
                        found.add(comment.path("id").asString());
                    }
                }
            }
            total = page.path("comments").isEmpty() ? seen : page.path("total").asLong(seen);
        } while (seen < total);
        return found;
    }

    /** {@code POST /rest/api/3/issue/{issue}/remotelink}: the same globalId updates, so a retry is harmless. */
    public void putRemoteLink(JiraSite site, String issueIdOrKey, RemoteLink link) {
        URI uri = uri(site, "/rest/api/3/issue/{issue}/remotelink", issueIdOrKey);
        calls.exchange(site, JiraRequest.idempotentPost(uri, IssueBodies.remoteLink(link)));
    }

    /**
     * Issues of a project created since shortly before {@code since} (a write attempt) whose property
     * {@code propertyKey} has {@code path} = {@code value}: how a create whose answer was lost is found. JQL on
     * {@code issue.property[..]} works only for properties an installed Connect app's {@code jiraEntityProperties}
     * indexes, which no API-token or OAuth connection has; so the search asks only for the issues created in the
     * window ({@link RecoveryWindow}), Jira returns the property with each, and Ferry compares the value.
     */
    public List<JiraIssue> findCreatedWithMarker(JiraSite site, String projectKey, String propertyKey, String path,
            String value, Instant since) {
        String jql = JqlText.createdInLastMinutes(projectKey, RecoveryWindow.minutes(since, clock.instant()));
        List<JiraIssue> found = new ArrayList<>();
        search(site, jql, List.of(propertyKey), issue -> {
            if (IssueBodies.hasProperty(issue, propertyKey, path, value)) {
                found.add(IssueBodies.issue(issue));
            }
        });
        return found;
    }

    /** The current status of each issue still there, by id, ≤ 100 ids per search call; a missing id is gone. */
    public List<JiraIssue> statuses(JiraSite site, Collection<String> issueIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(issueIds));
        List<JiraIssue> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_SEARCH) {
            found.addAll(search(site, JqlText.idIn(ids.subList(from, Math.min(ids.size(), from + IDS_PER_SEARCH)))));
        }
        return found;
    }

    /** {@code GET /rest/api/3/issue/createmeta/{project}/issuetypes}, every page. */
    public List<IssueType> issueTypes(JiraSite site, String projectKey) {
        List<IssueType> types = new ArrayList<>();
        long total;
        do {
            URI uri = UriComponentsBuilder.fromUri(site.apiBase())
                    .path("/rest/api/3/issue/createmeta/{project}/issuetypes").queryParam("startAt", types.size())
                    .queryParam("maxResults", ISSUE_TYPES_PER_PAGE).buildAndExpand(projectKey).encode().toUri();
            JsonNode page = calls.json(site, JiraRequest.get(uri));
            int before = types.size();
            page.path("issueTypes").forEach(type -> types.add(new IssueType(type.path("id").asString(),
                    type.path("name").asString(), type.path("subtask").asBoolean(false))));
            total = types.size() == before ? types.size() : page.path("total").asLong(types.size());
        } while (types.size() < total);
        return types;
    }

    /**
     * The projects the app may create issues in ({@code GET /rest/api/3/project/search?action=create}),
     * every page, in Jira's order (by key).
     */
    public List<JiraProject> projects(JiraSite site) {
        List<JiraProject> projects = new ArrayList<>();
        boolean last;
        do {
            URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/project/search")
                    .queryParam("startAt", projects.size()).queryParam("maxResults", PROJECTS_PER_PAGE)
                    .queryParam("action", "create").build().encode().toUri();
            JsonNode page = calls.json(site, JiraRequest.get(uri));
            int before = projects.size();
            page.path("values").forEach(project -> projects.add(new JiraProject(project.path("id").asString(),
                    project.path("key").asString(), project.path("name").asString())));
            last = projects.size() == before || page.path("isLast").asBoolean(true);
        } while (!last);
        return projects;
    }

    /** {@code DELETE /rest/api/3/issue/{issue}}; retried after a 5xx, so NOT_FOUND may mean "already deleted". */
    public void deleteIssue(JiraSite site, String issueIdOrKey) {
        calls.exchange(site, JiraRequest.delete(uri(site, "/rest/api/3/issue/{issue}", issueIdOrKey)));
    }

    /** {@code GET /rest/api/3/myself}: who the connection calls Jira as. */
    public JiraAccount myself(JiraSite site) {
        JsonNode me = calls.json(site, JiraRequest.get(uri(site, "/rest/api/3/myself")));
        return new JiraAccount(me.path("accountId").asString(null), me.path("displayName").asString(null),
                me.path("emailAddress").asString(null));
    }

    /**
     * How many spaces the account sees, of at most one asked: {@code GET {apiBase}/api/v2/spaces?limit=1} on a
     * Confluence target, whose {@code apiBase} ends in {@code /wiki}.
     */
    public int confluenceSpaces(JiraSite confluence) {
        URI uri = UriComponentsBuilder.fromUri(confluence.apiBase()).path("/api/v2/spaces").queryParam("limit", 1)
                .build().encode().toUri();
        return calls.json(confluence, JiraRequest.get(uri)).path("results").size();
    }

    /**
     * The site's cloudId, which Jira Cloud tells anyone at {@code {site}/_edge/tenant_info}: how a site URL
     * becomes its gateway path {@code api.atlassian.com/ex/jira/{cloudId}}.
     */
    public String cloudId(URI siteUrl) {
        JiraSite anonymous = new JiraSite(siteUrl.toString(), siteUrl, siteUrl, new JiraAuth.Anonymous());
        String cloudId = calls.json(anonymous, JiraRequest.get(uri(anonymous, "/_edge/tenant_info"))).path("cloudId").asString("");
        if (cloudId.isBlank()) {
            throw new JiraException(JiraException.Kind.NOT_FOUND, 200, "the site told no cloudId at /_edge/tenant_info",
                    "no cloudId", null);
        }
        return cloudId;
    }

    /**
     * The Connect clientKey of the Forge installation the site is called through:
     * {@code GET /rest/atlassian-connect/1/addons/{appKey}/properties/connect_client_key_019cdff3-...}, a reserved,
     * read-only property Jira answers for a Forge app whose {@code app.connect.key} is {@code appKey}. Empty when Jira
     * has none for it (the app never had a Connect install there).
     */
    public Optional<String> connectClientKey(JiraSite site, String appKey) {
        try {
            JsonNode value = calls.json(site, JiraRequest.get(uri(site,
                    "/rest/atlassian-connect/1/addons/{appKey}/properties/{propertyKey}", appKey,
                    CONNECT_CLIENT_KEY_PROPERTY))).path("value");
            String clientKey = value.isString() ? value.asString() : value.path("clientKey").asString("");
            return clientKey.isBlank() ? Optional.empty() : Optional.of(clientKey);
        } catch (JiraException e) {
            if (e.kind() == JiraException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every page of {@code POST /rest/api/3/search/jql}, following {@code nextPageToken}. */
    private List<JiraIssue> search(JiraSite site, String jql) {
        List<JiraIssue> issues = new ArrayList<>();
        search(site, jql, List.of(), issue -> issues.add(IssueBodies.issue(issue)));
        return issues;
    }

    /** Every issue of every page, with the issue properties named, to {@code each}. */
    private void search(JiraSite site, String jql, List<String> properties, Consumer<JsonNode> each) {
        URI uri = uri(site, "/rest/api/3/search/jql");
        String token = null;
        do {
            JsonNode page = calls.json(site, JiraRequest.idempotentPost(uri,
                    IssueBodies.search(jql, IDS_PER_SEARCH, token, properties)));
            page.path("issues").forEach(each);
            token = page.path("nextPageToken").asString(null);
        } while (token != null);
    }

    private static URI uri(JiraSite site, String path, Object... variables) {
        return UriComponentsBuilder.fromUri(site.apiBase()).path(path).buildAndExpand(variables).encode().toUri();
    }
}
