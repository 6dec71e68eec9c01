package dev.ferry.jira;

import dev.ferry.refusal.Refusal;

/**
 * What Ferry tells its caller when a call it makes to Jira on the caller's behalf fails: Jira's 404 is
 * the caller's mistake, a refusal is Jira's, anything else means Jira could not be asked.
 */
public final class JiraRefusals {

    private JiraRefusals() {
    }

    /** {@code notFound} is the caller-facing sentence for Jira's 404. */
    public static Refusal problem(JiraException e, Refusal notFound, String asking) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound;
            case UNAUTHORIZED, DENIED -> new Refusal(Refusal.Kind.JIRA_REFUSED,
                    "Jira refused " + asking + ": " + e.jiraMessage());
            default -> unavailable(e, asking);
        };
    }

    /**
     * For a write a person asked for (a test ticket): every answer from Jira is a refusal in Jira's own
     * words, so the person reads what to fix; only an unreachable or throttling Jira is unavailable.
     */
    public static Refusal refused(JiraException e, String what) {
        return switch (e.kind()) {
            case RATE_LIMITED, UNAVAILABLE, CLOCK_SKEW -> unavailable(e, "for " + what);
            default -> new Refusal(Refusal.Kind.JIRA_REFUSED, "Jira refused " + what + ": "
                    + (e.jiraMessage().isBlank() ? "HTTP " + e.status() : e.jiraMessage()));
        };
    }

    private static Refusal unavailable(JiraException e, String asking) {
        return new Refusal(Refusal.Kind.JIRA_UNAVAILABLE, "Jira could not be asked " + asking + ": " + e.getMessage());
    }
}
