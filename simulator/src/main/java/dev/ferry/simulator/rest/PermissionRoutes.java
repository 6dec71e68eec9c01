package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /rest/api/3/permissions/check}: which of the asked global permissions a user holds. Only
 * the site admin holds {@code ADMINISTER}; every user holds {@code USE} (Browse users); project
 * permissions are answered empty, as Ferry does not ask them.
 */
final class PermissionRoutes {

    /** The global permissions Jira knows, enough to refuse a misspelt one with Jira's 400. */
    static final Set<String> GLOBAL = Set.of("ADMINISTER", "SYSTEM_ADMIN", "USE", "USER_PICKER", "CREATE_SHARED_OBJECTS",
            "MANAGE_GROUP_FILTER_SUBSCRIPTIONS", "BULK_CHANGE");

    void register(Routes routes) {
        routes.add("POST", "/rest/api/3/permissions/check", this::check);
    }

    private Reply check(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            return Reply.error(400, "The request body is not a permission check.");
        }
        String accountId = body.path("accountId").asText(null);
        ObjectNode grants = Json.object();
        ArrayNode granted = grants.putArray("globalPermissions");
        for (JsonNode permission : body.path("globalPermissions")) {
            String name = permission.asText();
            if (!GLOBAL.contains(name)) {
                return Reply.fieldErrors(Map.of(name, "Unrecognized permission"));
            }
            if (holds(accountId, name)) {
                granted.add(name);
            }
        }
        grants.putArray("projectPermissions");
        return Reply.ok(grants);
    }

    /** Without an accountId Jira answers for the caller, here the app, which administers nothing. */
    private static boolean holds(String accountId, String permission) {
        return accountId != null
                && (permission.equals("USE") || permission.equals("USER_PICKER") || Users.isJiraAdmin(accountId));
    }
}
