package dev.ferry.jira;

import dev.ferry.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * What the product API answers when a call it makes to Jira on the caller's behalf fails: Jira's 404 is
 * the caller's mistake, a refusal is Jira's (502), anything else means Jira could not be asked (503).
 */
public final class JiraRefusals {

    private JiraRefusals() {
    }

    /** {@code notFound} is the caller-facing sentence for Jira's 404. */
    public static ApiProblem problem(JiraException e, ApiProblem notFound, String asking) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound;
            case UNAUTHORIZED, DENIED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "Jira refused",
                    "Jira refused " + asking + ": " + e.jiraMessage());
            default -> unavailable(e, asking);
        };
    }

    /**
     * For a write a person asked for (a test ticket): every answer from Jira is a refusal in Jira's own
     * words (502), so the person reads what to fix; only an unreachable or throttling Jira is a 503.
     */
    public static ApiProblem refused(JiraException e, String what) {
        return switch (e.kind()) {
            case RATE_LIMITED, UNAVAILABLE, CLOCK_SKEW -> unavailable(e, "for " + what);
            default -> new ApiProblem(HttpStatus.BAD_GATEWAY, "Jira refused", "Jira refused " + what + ": "
                    + (e.jiraMessage().isBlank() ? "HTTP " + e.status() : e.jiraMessage()));
        };
    }

    private static ApiProblem unavailable(JiraException e, String asking) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Jira unavailable",
                "Jira could not be asked " + asking + ": " + e.getMessage());
    }
}
