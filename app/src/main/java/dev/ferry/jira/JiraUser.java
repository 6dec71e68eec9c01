package dev.ferry.jira;

/**
 * A user as Jira lists it.
 *
 * @param email       null when Jira does not show it (the person's profile visibility, an app's bot user)
 * @param accountType {@code atlassian} (a person), {@code app} (an app's bot user), {@code customer} (a service
 *                    desk customer)
 * @param active      false for a deactivated account, which Jira still lists
 */
public record JiraUser(String accountId, String displayName, String email, String accountType, boolean active) {
}
