package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The users of the simulated site: one admin does everything, as on a fresh developer site, and one
 * member who uses Jira without administering it.
 */
public final class Users {

    /** The accountId of the site admin: the {@code sub} of iframe tokens and the author of changes. */
    public static final String ADMIN_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef5";
    /** A user without Jira's Administer permission, for pages a non-admin opens. */
    public static final String MEMBER_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef6";
    static final String ADMIN_NAME = "Simulated Admin";
    static final String ADMIN_EMAIL = "admin@simulated.example";

    private Users() {
    }

    /** Whether the user holds the {@code ADMINISTER} global permission ("Administer Jira"). */
    static boolean isJiraAdmin(String accountId) {
        return ADMIN_ACCOUNT_ID.equals(accountId);
    }

    static ObjectNode user(String siteUrl, String accountId) {
        ObjectNode user = Json.object();
        user.put("self", siteUrl + "/rest/api/3/user?accountId=" + accountId);
        user.put("accountId", accountId);
        user.put("accountType", "atlassian");
        user.put("displayName", ADMIN_NAME);
        user.put("active", true);
        user.put("timeZone", "Etc/UTC");
        return user;
    }
}
