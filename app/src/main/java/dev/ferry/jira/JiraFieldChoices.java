package dev.ferry.jira;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What a site offers for the fields of a ticket filed by hand: its priorities and the users assignable in a
 * project. Beside {@link JiraClient}, through the same {@link JiraCalls} (rate budget, signing, retries).
 */
@Component
public class JiraFieldChoices {

    /** Jira's page size for the priority search. */
    static final int PRIORITIES_PER_PAGE = 50;
    /** Jira answers at most this many users per assignable-user search. */
    static final int USERS_PER_SEARCH = 1000;

    private final JiraCalls calls;

    JiraFieldChoices(JiraCalls calls) {
        this.calls = calls;
    }

    /** The names of the site's priorities, in the scheme's order: {@code GET /rest/api/3/priority/search}, every page. */
    public List<String> priorities(JiraSite site) {
        List<String> names = new ArrayList<>();
        boolean last;
        do {
            URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/priority/search")
                    .queryParam("startAt", names.size()).queryParam("maxResults", PRIORITIES_PER_PAGE).build().encode()
                    .toUri();
            JsonNode page = json(site, uri);
            int before = names.size();
            page.path("values").forEach(priority -> names.add(priority.path("name").asString()));
            last = names.size() == before || page.path("isLast").asBoolean(true);
        } while (!last);
        return names;
    }

    /**
     * Up to {@code max} users Jira lets be assigned issues in the project whose name or email starts with
     * {@code query}: {@code GET /rest/api/3/user/assignable/search?project=&query=}.
     */
    public List<JiraAccount> assignable(JiraSite site, String projectKey, String query, int max) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(site.apiBase())
                .path("/rest/api/3/user/assignable/search").queryParam("project", "{project}")
                .queryParam("maxResults", Math.max(1, Math.min(max, USERS_PER_SEARCH)));
        // No query at all, rather than an empty one: then Jira lists everyone assignable in the project.
        boolean asked = query != null && !query.isBlank();
        if (asked) {
            builder.queryParam("query", "{query}");
        }
        URI uri = asked ? builder.encode().buildAndExpand(projectKey, query.strip()).toUri()
                : builder.encode().buildAndExpand(projectKey).toUri();
        return accounts(json(site, uri));
    }

    /**
     * Whether Jira would let the account be assigned a new issue in the project: the assignable-user search
     * with {@code accountId}, which answers the user exactly when it may be.
     */
    public boolean isAssignable(JiraSite site, String projectKey, String accountId) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/user/assignable/search")
                .queryParam("project", "{project}").queryParam("accountId", "{accountId}").encode()
                .buildAndExpand(projectKey, accountId).toUri();
        try {
            return accounts(json(site, uri)).stream().anyMatch(account -> accountId.equals(account.accountId()));
        } catch (JiraException e) {
            // Jira answers an accountId it has never heard of with 404 (or 400 for one that cannot be an id).
            if (e.kind() == JiraException.Kind.NOT_FOUND || e.kind() == JiraException.Kind.INVALID) {
                return false;
            }
            throw e;
        }
    }

    private static List<JiraAccount> accounts(JsonNode users) {
        List<JiraAccount> accounts = new ArrayList<>();
        users.forEach(user -> accounts.add(new JiraAccount(user.path("accountId").asString(null),
                user.path("displayName").asString(null), user.path("emailAddress").asString(null))));
        return accounts;
    }

    private JsonNode json(JiraSite site, URI uri) {
        return IssueBodies.JSON.readTree(calls.exchange(site, JiraRequest.get(uri)));
    }
}
