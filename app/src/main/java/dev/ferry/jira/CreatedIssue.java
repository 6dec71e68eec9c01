package dev.ferry.jira;

/** What Jira answers to a create: the new issue's id and key. */
public record CreatedIssue(String id, String key) {
}
