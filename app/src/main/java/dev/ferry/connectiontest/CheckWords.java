package dev.ferry.connectiontest;

import java.util.List;
import java.util.stream.Collectors;

/** What a check of Test connection found missing, in the words of the admin who has to fix it. */
final class CheckWords {

    private CheckWords() {
    }

    /**
     * The account lacks permissions a feature needs.
     *
     * @param missing Jira's keys of the permissions lacking ({@code CREATE_ISSUES}, …)
     * @param project the project they were asked for; null when asked site-wide
     */
    static String forbidden(String feature, List<String> missing, String project) {
        boolean global = missing.equals(List.of(JiraPermission.ADMINISTER.key()));
        String names = missing.stream().map(key -> JiraPermission.named(key)).collect(Collectors.joining(" and "));
        String where = global ? "" : project == null ? " in any project" : " in project " + project;
        String fix = global ? "a Jira administrator grants it under Settings → System → Global permissions."
                : "a Jira administrator grants " + (missing.size() == 1 ? "it" : "them") + " in the project's"
                        + " permission scheme (Project settings → Permissions).";
        return "Forbidden: the account lacks " + (global ? "the global permission " : "") + names + where
                + ", so Ferry cannot " + feature + ": " + fix;
    }

    /** The default project is not there for the account (deleted, renamed, or hidden from it). */
    static String projectMissing(String project) {
        return "Not found: the default project " + project + " does not exist or the account cannot see it: change"
                + " it on the connection or grant Browse projects.";
    }

    /** The default project exists but offers nothing to file (only sub-tasks, or no type the account may create). */
    static String noIssueTypes(String project) {
        return "The default project " + project + " has no issue type Ferry can file (it needs one that is not a"
                + " sub-task): add one in Project settings → Issue types, or change the default project on the"
                + " connection.";
    }
}
