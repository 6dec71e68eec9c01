package dev.ferry.simulator.rest;

import java.util.Map;
import java.util.Optional;

/** Jira's built-in permissions an app might ask about, with the ids, names and types Jira Cloud gives them. */
final class PermissionCatalog {

    /** One permission as {@code GET /rest/api/3/permissions} lists it. */
    record Permission(String id, String key, String name, String type, String description) {
    }

    private static final Map<String, Permission> ALL = Map.ofEntries(
            global("0", "ADMINISTER", "Administer Jira", "Create and administer projects, issue types, fields, workflows, and schemes for all projects."),
            global("1", "USE", "Browse users and groups", "View and select users or groups from the user picker."),
            global("44", "SYSTEM_ADMIN", "Jira System Administrators", "Ability to perform most administration functions."),
            global("27", "USER_PICKER", "Browse users and groups", "View and select users or groups from the user picker."),
            global("22", "CREATE_SHARED_OBJECTS", "Share dashboards and filters", "Share dashboards and filters with other users."),
            global("24", "MANAGE_GROUP_FILTER_SUBSCRIPTIONS", "Manage group filter subscriptions", "Create and delete group filter subscriptions."),
            global("33", "BULK_CHANGE", "Make bulk changes", "Modify collections of issues at once."),
            project("10", "BROWSE_PROJECTS", "Browse Projects", "Ability to browse projects and the issues within them."),
            project("11", "CREATE_ISSUES", "Create Issues", "Ability to create issues."),
            project("12", "EDIT_ISSUES", "Edit Issues", "Ability to edit issues."),
            project("13", "ASSIGN_ISSUES", "Assign Issues", "Ability to assign issues to other people."),
            project("15", "ADD_COMMENTS", "Add Comments", "Ability to comment on issues."),
            project("16", "DELETE_ISSUES", "Delete Issues", "Ability to delete issues."),
            project("21", "LINK_ISSUES", "Link Issues", "Ability to link issues together and create linked issues."),
            project("23", "ADMINISTER_PROJECTS", "Administer Projects", "Ability to administer a project in Jira."),
            project("46", "TRANSITION_ISSUES", "Transition Issues", "Ability to transition issues."));

    private PermissionCatalog() {
    }

    static Optional<Permission> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    private static Map.Entry<String, Permission> global(String id, String key, String name, String description) {
        return Map.entry(key, new Permission(id, key, name, "GLOBAL", description));
    }

    private static Map.Entry<String, Permission> project(String id, String key, String name, String description) {
        return Map.entry(key, new Permission(id, key, name, "PROJECT", description));
    }
}
