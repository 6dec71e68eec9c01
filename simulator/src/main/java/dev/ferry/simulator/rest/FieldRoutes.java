package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** What the create screen's fields offer: the priority scheme and the users assignable in a project. */
final class FieldRoutes {

    /** Jira's cap on {@code maxResults} for the priority search. */
    static final int MAX_PRIORITIES_PAGE = 100;
    /** Jira answers at most this many users per assignable-user search. */
    static final int MAX_USERS = 1000;

    private final JiraData data;

    FieldRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/priority/search", this::priorities)
                .add("GET", "/rest/api/3/user/assignable/search", this::assignable);
    }

    /** {@code GET /rest/api/3/priority/search}: one page of the scheme, in its order; Medium is the default. */
    private Reply priorities(Call call) {
        List<String> all = data.priorities();
        int startAt = Math.max(0, call.intParam("startAt", 0));
        int maxResults = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_PRIORITIES_PAGE));
        int end = Math.min(all.size(), startAt + maxResults);
        ObjectNode page = Json.object();
        page.put("isLast", end >= all.size());
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", all.size());
        ArrayNode values = page.putArray("values");
        for (int i = startAt; i < end; i++) {
            String id = Integer.toString(i + 1);
            values.addObject().put("description", all.get(i) + " priority").put("id", id)
                    .put("iconUrl", call.siteUrl() + "/images/icons/priorities/" + id + ".svg")
                    .put("isDefault", all.get(i).equals("Medium")).put("name", all.get(i))
                    .put("self", call.siteUrl() + "/rest/api/3/priority/" + id).put("statusColor", "#cfcfcf");
        }
        return Reply.ok(page);
    }

    /**
     * {@code GET /rest/api/3/user/assignable/search?project=}: with {@code accountId}, that user exactly when
     * assignable; with {@code query}, those whose name or email starts with it; with neither, everyone assignable.
     */
    private Reply assignable(Call call) {
        String projectKey = call.param("project", "");
        if (projectKey.isBlank()) {
            return Reply.error(400, "The project, issueKey or issueId must be specified.");
        }
        return data.project(projectKey).map(project -> {
            String accountId = call.param("accountId", "");
            String query = call.param("query", "").toLowerCase(Locale.ROOT);
            int max = Math.max(1, Math.min(call.intParam("maxResults", 50), MAX_USERS));
            ArrayNode users = Json.array();
            data.accounts().all().stream().filter(account -> data.isAssignable(project, account.accountId()))
                    .filter(account -> accountId.isEmpty() ? matches(account, query) : account.accountId().equals(accountId))
                    .limit(max).forEach(account -> users.add(user(call, account)));
            return Reply.ok(users);
        }).orElseGet(() -> Reply.error(404, "No project could be found with key '" + projectKey + "'."));
    }

    private static boolean matches(Account account, String query) {
        return query.isEmpty() || account.displayName().toLowerCase(Locale.ROOT).startsWith(query)
                || (account.emailAddress() != null && account.emailAddress().toLowerCase(Locale.ROOT).startsWith(query));
    }

    private static ObjectNode user(Call call, Account account) {
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
        return user;
    }
}
