package dev.ferry.jira;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What a site offers for the fields of a ticket filed by hand: its priorities and the users assignable in a
 * project. Beside {@link JiraClient}, through the same {@link JiraCalls} (rate budget, signing, retries).
 */
@Component
public class JiraFieldChoices {

    /** Jira's largest page of a create screen's fields. */
    static final int FIELDS_PER_PAGE = 200;
    /** Jira answers at most this many users per assignable-user search. */
    static final int USERS_PER_SEARCH = 1000;

    private final JiraCalls calls;

    JiraFieldChoices(JiraCalls calls) {
        this.calls = calls;
    }

    /**
     * The names of the priorities a new issue of this type may have in the project, in the scheme's order,
     * from the create screen's fields ({@code GET /rest/api/3/issue/createmeta/{project}/issuetypes/{id}},
     * every page); empty when the screen has no Priority field, so Jira would refuse any. The create screen
     * needs only {@code read:jira-work}, where the site-wide priority search needs
     * {@code manage:jira-configuration}, a scope an OAuth connection does not ask for.
     */
    public Optional<List<String>> priorities(JiraSite site, String projectKey, String issueTypeId) {
        int seen = 0;
        long total;
        int before;
        do {
            before = seen;
            URI uri = UriComponentsBuilder.fromUri(site.apiBase())
                    .path("/rest/api/3/issue/createmeta/{project}/issuetypes/{issueType}")
                    .queryParam("startAt", seen).queryParam("maxResults", FIELDS_PER_PAGE).encode()
                    .buildAndExpand(projectKey, issueTypeId).toUri();
            JsonNode page = json(site, uri);
            // The spec names the page's list both "fields" and "results"; Jira Cloud answers "fields".
            JsonNode fields = page.has("fields") ? page.path("fields") : page.path("results");
            Optional<List<String>> allowed = allowedPriorities(fields);
            if (allowed.isPresent()) {
                return allowed;
            }
            seen += fields.size();
            total = page.path("total").asLong(seen);
        } while (seen < total && seen > before);
        return Optional.empty();
    }

    private static Optional<List<String>> allowedPriorities(JsonNode fields) {
        for (JsonNode field : fields) {
            if ("priority".equals(field.path("fieldId").asString(null))) {
                List<String> names = new ArrayList<>();
                field.path("allowedValues").forEach(priority -> names.add(priority.path("name").asString()));
                return Optional.of(names);
            }
        }
        return Optional.empty();
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
