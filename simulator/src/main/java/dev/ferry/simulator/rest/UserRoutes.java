package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Jira's user resources: every account page by page, the user search, one user, and users in bulk by
 * accountId. An email a person keeps private is in no answer, and a search by it finds nobody, as on Jira Cloud.
 */
final class UserRoutes {

    /** Jira's cap on {@code maxResults} for the user list and the search. */
    static final int MAX_USERS = 1000;
    /** Jira's cap on {@code maxResults} for the bulk lookup. */
    static final int MAX_BULK = 200;

    private final JiraData data;

    UserRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/users/search", this::list)
                .add("GET", "/rest/api/3/user/search", this::search)
                .add("GET", "/rest/api/3/user/bulk", this::bulk)
                .add("GET", "/rest/api/3/user", this::one);
    }

    /** {@code GET /rest/api/3/users/search}: every account (people, apps, inactive ones), a plain array per page. */
    private Reply list(Call call) {
        List<Account> all = data.accounts().all();
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_USERS));
        ArrayNode users = Json.array();
        all.stream().skip(startAt).limit(maxResults).forEach(account -> users.add(Users.user(call.siteUrl(), account)));
        return Reply.ok(users);
    }

    /**
     * {@code GET /rest/api/3/user/search?query=}: accounts whose display name starts with the query, or whose
     * email is the query when the person lets it be seen. One of {@code query} or {@code accountId} is required.
     */
    private Reply search(Call call) {
        String query = call.param("query", "").strip().toLowerCase(Locale.ROOT);
        String accountId = call.param("accountId", "");
        if (query.isEmpty() && accountId.isEmpty()) {
            return Reply.error(400, "One of 'accountId' or 'query' must be specified.");
        }
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_USERS));
        ArrayNode users = Json.array();
        data.accounts().all().stream()
                .filter(account -> accountId.isEmpty() ? matches(account, query) : account.accountId().equals(accountId))
                .skip(startAt).limit(maxResults).forEach(account -> users.add(Users.user(call.siteUrl(), account)));
        return Reply.ok(users);
    }

    private static boolean matches(Account account, String query) {
        return account.displayName().toLowerCase(Locale.ROOT).startsWith(query)
                || (account.emailAddress() != null && account.emailAddress().equalsIgnoreCase(query));
    }

    /** {@code GET /rest/api/3/user?accountId=}: the user, or 404. */
    private Reply one(Call call) {
        String accountId = call.param("accountId", "");
        if (accountId.isBlank()) {
            return Reply.error(400, "The accountId query parameter needs to be provided.");
        }
        return data.accounts().find(accountId).map(account -> Reply.ok(Users.user(call.siteUrl(), account)))
                .orElseGet(() -> Reply.error(404, "Specified user does not exist or you do not have required permissions"));
    }

    /** {@code GET /rest/api/3/user/bulk?accountId=…}: the known ones of the ids asked, as a page. */
    private Reply bulk(Call call) {
        List<String> ids = call.listParam("accountId");
        if (ids.isEmpty()) {
            return Reply.error(400, "The accountId query parameter needs to be provided.");
        }
        Set<String> seen = new HashSet<>();
        List<Account> found = ids.stream().filter(seen::add).map(id -> data.accounts().find(id))
                .flatMap(Optional::stream).toList();
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 10), MAX_BULK));
        int end = Math.min(found.size(), startAt + maxResults);
        ObjectNode page = Json.object();
        page.put("self", call.siteUrl() + "/rest/api/3/user/bulk?startAt=" + startAt + "&maxResults=" + maxResults);
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", found.size());
        page.put("isLast", end >= found.size());
        ArrayNode values = page.putArray("values");
        for (int i = startAt; i < end; i++) {
            values.add(Users.user(call.siteUrl(), found.get(i)));
        }
        return Reply.ok(page);
    }
}
