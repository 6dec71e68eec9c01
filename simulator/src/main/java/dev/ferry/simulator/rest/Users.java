package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The users of the simulated site as Jira shows them: one admin does everything, as on a fresh developer site,
 * one member uses Jira without administering it, and whoever else a test adds to {@link Accounts}.
 */
public final class Users {

    /** The accountId of the site admin: the {@code sub} of iframe tokens and the author of changes. */
    public static final String ADMIN_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef5";
    /** A user without Jira's Administer permission, for pages a non-admin opens. */
    public static final String MEMBER_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef6";
    static final String ADMIN_NAME = "Simulated Admin";
    static final String ADMIN_EMAIL = "admin@simulated.example";

    /**
     * The accounts of the site whose call is being answered. A user appears inside issues, comments and
     * changelogs written by many routes that only know the accountId; {@link JiraRest} sets this around each
     * call so every one of them shows the account's own name without threading the accounts through.
     */
    private static final ThreadLocal<Accounts> ANSWERING = new ThreadLocal<>();

    private Users() {
    }

    /** Runs {@code answer} with {@code accounts} as the site whose users {@link #user} shows. */
    static <T> T answering(Accounts accounts, java.util.function.Supplier<T> answer) {
        Accounts before = ANSWERING.get();
        ANSWERING.set(accounts);
        try {
            return answer.get();
        } finally {
            if (before == null) {
                ANSWERING.remove();
            } else {
                ANSWERING.set(before);
            }
        }
    }

    /** Whether the user holds the {@code ADMINISTER} global permission ("Administer Jira"). */
    static boolean isJiraAdmin(String accountId) {
        return ADMIN_ACCOUNT_ID.equals(accountId);
    }

    /**
     * The user as Jira nests it in issues and changes: its own name, type and whether it is active. Outside a
     * call (a test reading an issue straight from the data) the admin's name stands in, as it always did.
     */
    static ObjectNode user(String siteUrl, String accountId) {
        Optional<Account> account = Optional.ofNullable(ANSWERING.get()).flatMap(accounts -> accounts.find(accountId));
        return user(siteUrl, account.orElseGet(() -> new Account(accountId, null, ADMIN_NAME, "atlassian")));
    }

    /** The account as Jira answers a user: its email only while the person lets it be seen. */
    static ObjectNode user(String siteUrl, Account account) {
        ObjectNode user = Json.object();
        user.put("self", siteUrl + "/rest/api/3/user?accountId=" + account.accountId());
        user.put("accountId", account.accountId());
        user.put("accountType", account.accountType());
        if (account.emailAddress() != null) {
            user.put("emailAddress", account.emailAddress());
        }
        user.put("displayName", account.displayName());
        user.put("active", account.active());
        user.put("timeZone", "Etc/UTC");
        return user;
    }
}
