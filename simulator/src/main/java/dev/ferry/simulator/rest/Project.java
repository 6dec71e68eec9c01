package dev.ferry.simulator.rest;

import java.util.List;
import java.util.Optional;

/** A Jira project and the issue types it offers. */
public record Project(String id, String key, String name, List<IssueType> issueTypes) {

    /** An issue type is chosen by id or by (case-insensitive) name, as Jira's create accepts either. */
    Optional<IssueType> issueType(String idOrName) {
        return issueTypes.stream().filter(type -> type.id().equals(idOrName) || type.name().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    /** One issue type. */
    public record IssueType(String id, String name, boolean subtask) {
    }
}
