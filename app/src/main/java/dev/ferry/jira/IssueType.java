package dev.ferry.jira;

/** An issue type a project accepts, from createmeta. */
public record IssueType(String id, String name, boolean subtask) {
}
