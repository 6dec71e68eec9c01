package dev.ferry.simulator.rest;

/**
 * A person or an app with an Atlassian account on the simulated site.
 *
 * @param emailAddress null for an app, whose email Jira never shows
 * @param accountType  {@code atlassian} for a person, {@code app} for an app's bot user
 */
public record Account(String accountId, String emailAddress, String displayName, String accountType) {
}
