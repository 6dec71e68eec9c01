package dev.ferry.connectiontest;

import java.util.Arrays;

/**
 * The Jira permissions a connection's features need, as {@code mypermissions} names them and as a Jira
 * administrator finds them in the permission scheme or the global permissions.
 */
enum JiraPermission {
    BROWSE_PROJECTS("Browse projects"),
    CREATE_ISSUES("Create issues"),
    ADD_COMMENTS("Add comments"),
    /** A global permission, unlike the others: audit records are the whole site's. */
    ADMINISTER("Administer Jira");

    private final String label;

    JiraPermission(String label) {
        this.label = label;
    }

    String key() {
        return name();
    }

    /** "Create issues (CREATE_ISSUES)": the name in Jira's screens, and the key its API and docs use. */
    static String named(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst()
                .map(p -> p.label + " (" + key + ")").orElse(key);
    }
}
