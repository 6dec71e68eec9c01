package dev.ferry.simulator.rest;

/**
 * A person or an app with an Atlassian account on the simulated site.
 *
 * @param email       the account's email, whether or not Jira shows it
 * @param accountType {@code atlassian} for a person, {@code app} for an app's bot user
 * @param active      false once the account is deactivated: Jira still lists it and its past work
 * @param emailHidden the person's profile visibility keeps the email private: Jira leaves it out of every answer
 */
public record Account(String accountId, String email, String displayName, String accountType, boolean active,
        boolean emailHidden) {

    /** An active account whose email (if it has one) Jira shows. */
    public Account(String accountId, String email, String displayName, String accountType) {
        this(accountId, email, displayName, accountType, true, false);
    }

    /** The email as Jira answers it: null for an app, and for a person who keeps it private. */
    public String emailAddress() {
        return emailHidden ? null : email;
    }

    Account deactivated() {
        return new Account(accountId, email, displayName, accountType, false, emailHidden);
    }

    Account withEmailHidden(boolean hidden) {
        return new Account(accountId, email, displayName, accountType, active, hidden);
    }
}
