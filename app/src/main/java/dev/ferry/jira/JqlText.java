package dev.ferry.jira;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Writes values into JQL safely: every value becomes a double-quoted JQL string with {@code \} and
 * {@code "} escaped; numbers Ferry computes itself are the only unquoted parts.
 */
final class JqlText {

    private JqlText() {
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The project's issues created in the last {@code minutes} minutes, newest first. Jira's relative time
     * ({@code -65m}) is counted from its own now, so no time zone (Jira reads absolute times in the calling
     * user's) and no clock skew enters the query.
     */
    static String createdInLastMinutes(String projectKey, long minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("not a positive number of minutes: " + minutes);
        }
        return "project = " + quote(projectKey) + " AND created >= -" + minutes + "m ORDER BY created DESC";
    }

    static String idIn(Collection<String> ids) {
        return "id in (" + ids.stream().map(JqlText::quote).collect(Collectors.joining(", ")) + ")";
    }
}
