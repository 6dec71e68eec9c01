package dev.ferry.simulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The site's accounts: the admin and the member at first, then whoever a test adds or names in a token.
 * An email or accountId nobody added gets an account on first use, so a test that only adds an API token
 * still has someone behind it. Accounts can be deactivated and can keep their email private, as Atlassian
 * accounts do; a site can hide every email at once (as Jira does for a caller without the email permission).
 */
public final class Accounts {

    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private volatile boolean emailsHidden;

    Accounts() {
        add(Users.ADMIN_ACCOUNT_ID, Users.ADMIN_EMAIL, Users.ADMIN_NAME);
        add(Users.MEMBER_ACCOUNT_ID, "member@simulated.example", "Simulated Member");
    }

    /** Adds (or replaces) a person's account. */
    public Account add(String accountId, String email, String displayName) {
        return put(new Account(accountId, email, displayName, "atlassian"));
    }

    /** Adds (or replaces) an account of any type ({@code atlassian}, {@code app}, {@code customer}). */
    public Account add(String accountId, String email, String displayName, String accountType, boolean active) {
        return put(new Account(accountId, email, displayName, accountType, active, false));
    }

    /** The account, only if someone has it: unlike {@link #byId}, asking makes none. */
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accountId == null ? null : byId.get(accountId));
    }

    /** Every account, by display name (then id, so pages are stable). */
    public List<Account> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Account::displayName).thenComparing(Account::accountId)).toList();
    }

    public Account byId(String accountId) {
        return byId.computeIfAbsent(accountId, id -> hiddenIfSiteHides(new Account(id, null, id, "atlassian")));
    }

    /** The account signing in with that email, whether or not Jira shows the email: sign-in always knows it. */
    public synchronized Account byEmail(String email) {
        return byId.values().stream().filter(account -> email.equalsIgnoreCase(account.email())).findFirst()
                .orElseGet(() -> add(derivedId("user", email.toLowerCase(Locale.ROOT)), email,
                        email.contains("@") ? email.substring(0, email.indexOf('@')) : email));
    }

    /** The bot user Jira creates for an installed Connect app; the app's JWT calls act as it. */
    public Account app(String appKey) {
        return byId.computeIfAbsent(derivedId("app", appKey), id -> new Account(id, null, appKey, "app"));
    }

    /** Deactivates the account: Jira still lists it (active false) and keeps its past work. */
    public Account deactivate(String accountId) {
        return change(accountId, Account::deactivated);
    }

    /** The person's profile visibility for their email: hidden leaves it out of every answer and every search. */
    public Account hideEmail(String accountId, boolean hidden) {
        return change(accountId, account -> account.withEmailHidden(hidden));
    }

    /**
     * Hides every account's email (and those of accounts added later), or shows them all again: the site as a
     * caller sees it when no user lets their email be seen.
     */
    public synchronized void hideAllEmails(boolean hidden) {
        emailsHidden = hidden;
        byId.replaceAll((id, account) -> account.withEmailHidden(hidden));
    }

    private Account change(String accountId, UnaryOperator<Account> change) {
        Account changed = byId.computeIfPresent(accountId, (id, account) -> change.apply(account));
        if (changed == null) {
            throw new IllegalArgumentException("no account " + accountId + " on the simulated site");
        }
        return changed;
    }

    private Account put(Account account) {
        Account stored = hiddenIfSiteHides(account);
        byId.put(account.accountId(), stored);
        return stored;
    }

    private Account hiddenIfSiteHides(Account account) {
        return emailsHidden ? account.withEmailHidden(true) : account;
    }

    /** Atlassian accountIds look like {@code 557058:<uuid>}; derived ones stay the same across runs. */
    private static String derivedId(String kind, String name) {
        return "557058:" + UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
