package dev.ferry.jira;

/** The Atlassian account a connection calls Jira as ({@code GET /rest/api/3/myself}). */
public record JiraAccount(String accountId, String displayName, String emailAddress) {
}
