package dev.ferry.simulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's accounts: the admin and the member at first, then whoever a test adds or names in a token.
 * An email or accountId nobody added gets an account on first use, so a test that only adds an API token
 * still has someone behind it.
 */
public final class Accounts {

    private final Map<String, Account> byId = new ConcurrentHashMap<>();

    Accounts() {
        add(Users.ADMIN_ACCOUNT_ID, Users.ADMIN_EMAIL, Users.ADMIN_NAME);
        add(Users.MEMBER_ACCOUNT_ID, "member@simulated.example", "Simulated Member");
    }

    /** Adds (or replaces) a person's account. */
    public Account add(String accountId, String email, String displayName) {
        Account account = new Account(accountId, email, displayName, "atlassian");
        byId.put(accountId, account);
        return account;
    }

    /** The account, only if someone has it: unlike {@link #byId}, asking makes none. */
    public java.util.Optional<Account> find(String accountId) {
        return java.util.Optional.ofNullable(accountId == null ? null : byId.get(accountId));
    }

    /** Every account, by display name. */
    java.util.List<Account> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Account::displayName)).toList();
    }

    public Account byId(String accountId) {
        return byId.computeIfAbsent(accountId, id -> new Account(id, null, id, "atlassian"));
    }

    public synchronized Account byEmail(String email) {
        return byId.values().stream().filter(account -> email.equalsIgnoreCase(account.emailAddress())).findFirst()
                .orElseGet(() -> add(derivedId("user", email.toLowerCase(Locale.ROOT)), email,
                        email.contains("@") ? email.substring(0, email.indexOf('@')) : email));
    }

    /** The bot user Jira creates for an installed Connect app; the app's JWT calls act as it. */
    public Account app(String appKey) {
        return byId.computeIfAbsent(derivedId("app", appKey), id -> new Account(id, null, appKey, "app"));
    }

    /** Atlassian accountIds look like {@code 557058:<uuid>}; derived ones stay the same across runs. */
    private static String derivedId(String kind, String name) {
        return "557058:" + UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
