package dev.ferry.jira;

/** A project the app may file issues in, from the project search. */
public record JiraProject(String id, String key, String name) {
}
