package dev.ferry.jira;

/**
 * An issue's identity and status as Jira reports it.
 *
 * @param statusCategory the status category key: {@code new}, {@code indeterminate} or {@code done}
 */
public record JiraIssue(String id, String key, String statusName, String statusCategory) {
}
