package dev.ferry.jira;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A site's users: every one page by page, a search by email, one or many by accountId. Beside
 * {@link JiraClient}, through the same {@link JiraCalls} (rate budget, signing, retries).
 */
@Component
public class JiraUsers {

    /** Users per page of {@code users/search}: Jira's own cap. */
    static final int USERS_PER_PAGE = 1000;
    /** Ids per bulk lookup: Jira reads at most this many {@code accountId} parameters at once. */
    static final int IDS_PER_BULK = 90;
    /** Jira's cap on a bulk page. */
    static final int BULK_PAGE = 200;

    private final JiraCalls calls;

    JiraUsers(JiraCalls calls) {
        this.calls = calls;
    }

    /**
     * Every user of the site, people, apps and deactivated accounts alike: {@code GET /rest/api/3/users/search},
     * page after page until one comes back short, each page handed to {@code page} as it arrives.
     */
    public void eachPage(JiraSite site, Consumer<List<JiraUser>> page) {
        int startAt = 0;
        // Jira may answer fewer than asked before the end (it filters what the caller may not see), so only an
        // empty page ends the list.
        for (List<JiraUser> users = page(site, startAt); !users.isEmpty(); users = page(site, startAt)) {
            page.accept(users);
            startAt += users.size();
        }
    }

    /** The first page of the site's users: enough to tell whether the site shows emails at all. */
    public List<JiraUser> firstPage(JiraSite site) {
        return page(site, 0);
    }

    private List<JiraUser> page(JiraSite site, int startAt) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/users/search")
                .queryParam("startAt", startAt).queryParam("maxResults", USERS_PER_PAGE).build().encode().toUri();
        return users(calls.json(site, JiraRequest.get(uri)));
    }

    /** Every user of the site, in one list. */
    public List<JiraUser> all(JiraSite site) {
        List<JiraUser> all = new ArrayList<>();
        eachPage(site, all::addAll);
        return all;
    }

    /**
     * The account whose email is exactly {@code email}: {@code GET /rest/api/3/user/search?query=}. Empty when
     * nobody has it, or when its person keeps the email private (Jira then searches as if it were unknown).
     */
    public Optional<JiraUser> byEmail(JiraSite site, String email) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/user/search")
                .queryParam("query", "{query}").queryParam("maxResults", 50).encode().buildAndExpand(email).toUri();
        return users(calls.json(site, JiraRequest.get(uri))).stream()
                .filter(user -> user.email() != null && user.email().equalsIgnoreCase(email.strip())).findFirst();
    }

    /** The users of those accountIds Jira knows: {@code GET /rest/api/3/user/bulk}, in chunks, every page. */
    public List<JiraUser> byAccountIds(JiraSite site, List<String> accountIds) {
        List<JiraUser> found = new ArrayList<>();
        List<String> ids = accountIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_BULK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_BULK));
            boolean last;
            int startAt = 0;
            do {
                UriComponentsBuilder builder = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/user/bulk")
                        .queryParam("startAt", startAt).queryParam("maxResults", BULK_PAGE);
                for (int i = 0; i < chunk.size(); i++) {
                    builder.queryParam("accountId", "{id" + i + "}");
                }
                URI uri = builder.encode().buildAndExpand(chunk.toArray()).toUri();
                JsonNode page = calls.json(site, JiraRequest.get(uri));
                List<JiraUser> values = users(page.path("values"));
                found.addAll(values);
                startAt += values.size();
                last = values.isEmpty() || page.path("isLast").asBoolean(true);
            } while (!last);
        }
        return found;
    }

    /** The user now ({@code GET /rest/api/3/user?accountId=}), or empty when Jira no longer knows the account. */
    public Optional<JiraUser> byAccountId(JiraSite site, String accountId) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/user")
                .queryParam("accountId", accountId).build().encode().toUri();
        try {
            return Optional.of(user(calls.json(site, JiraRequest.get(uri))));
        } catch (JiraException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<JiraUser> users(JsonNode array) {
        List<JiraUser> users = new ArrayList<>();
        array.forEach(user -> users.add(user(user)));
        return users;
    }

    private static JiraUser user(JsonNode user) {
        return new JiraUser(user.path("accountId").asString(null), user.path("displayName").asString(null),
                user.path("emailAddress").asString(null), user.path("accountType").asString(null),
                user.path("active").asBoolean(true));
    }
}
