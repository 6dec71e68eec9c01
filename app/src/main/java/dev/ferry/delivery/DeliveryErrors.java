package dev.ferry.delivery;

import dev.ferry.jira.JiraException;
import java.util.Locale;

/**
 * A delivery's last error as a person reads it in the deliveries log: what happened in words, never a Java
 * exception's class name or a stack detail. The server log keeps those, under the delivery's id.
 */
final class DeliveryErrors {

    private DeliveryErrors() {
    }

    /** Jira answered with an error status or could not be reached at all. */
    static String jiraUnavailable(JiraException e) {
        if (e.status() > 0) {
            return "Jira answered " + e.status() + (e.jiraMessage().isBlank() ? "" : ": " + e.jiraMessage());
        }
        return "Jira could not be reached: " + connection(e.getMessage());
    }

    /** Something failed on Ferry's own side; the log line with this delivery's id has the exception. */
    static String ferrySide(long deliveryId) {
        return "unexpected error in Ferry (the server log has the details under delivery " + deliveryId + ")";
    }

    static String databaseBusy() {
        return "the database was busy";
    }

    private static String connection(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("timeout") || text.contains("timed out")) {
            return "the connection timed out";
        }
        if (text.contains("refused")) {
            return "the connection was refused";
        }
        if (text.contains("interrupted")) {
            return "Ferry stopped waiting for it";
        }
        if (text.contains("unresolved") || text.contains("unknownhost")) {
            return "its address could not be resolved";
        }
        return "the connection failed";
    }
}
