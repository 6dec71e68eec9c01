package dev.ferry.connection;

import dev.ferry.jira.JiraException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * What a failed call over a connection means, in the words of the person who set it up: what went wrong
 * and where to fix it, never Jira's status code alone.
 */
final class FailureWords {

    static final String SITE_FORM = "https://your-domain.atlassian.net";

    private FailureWords() {
    }

    /**
     * @param product "Jira" or "Confluence"
     * @param waited  how long the call was given before it was abandoned
     */
    static String of(JiraException e, String product, Duration waited) {
        return switch (e.kind()) {
            case UNAUTHORIZED, CLOCK_SKEW -> "Authentication failed at " + product + ": check that the email is exactly the"
                    + " Atlassian account's (it is case-sensitive), that the API token was copied whole, and that it"
                    + " has not been revoked or expired (id.atlassian.com → Security → API tokens).";
            case DENIED -> "Forbidden: the account may not do this in " + product + ". " + jiraSaid(e);
            case NOT_FOUND -> notFound(e, product);
            case RATE_LIMITED -> "Rate limited by Atlassian: retry after "
                    + e.retryAfter().map(Duration::toSeconds).orElse(30L) + " s.";
            case UNAVAILABLE -> e.status() == 0 ? network(e, product, waited)
                    : product + " answered " + e.status() + " (its service is failing): try again in a few minutes.";
            case INVALID -> product + " refused the request: " + jiraSaid(e);
            case BLOCKED -> "Ferry will not call that address: " + e.jiraMessage();
        };
    }

    /** The grant behind an OAuth connection is gone: only the account's consent brings it back. */
    static String grantLost(String reason) {
        return "Atlassian no longer accepts Ferry's authorization (" + reason + "): use Reconnect and approve"
                + " access again.";
    }

    private static String notFound(JiraException e, String product) {
        if (e.status() / 100 == 3) {
            return "The URL answered with a redirect (" + e.jiraMessage() + "): Ferry follows none. Give the site's own"
                    + " address, " + SITE_FORM + ".";
        }
        return "Confluence".equals(product)
                ? "Not found: Confluence was not found at that URL. Confluence Cloud lives at " + SITE_FORM + "/wiki."
                : "Not found: the URL is not a Jira Cloud site's. It looks like " + SITE_FORM + ".";
    }

    private static String network(JiraException e, String product, Duration waited) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof UnknownHostException)
                && !(cause instanceof UnresolvedAddressException) && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        String fix = " Check the firewall or allowlist between Ferry and Atlassian (outbound HTTPS to *.atlassian.net"
                + " and api.atlassian.com).";
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return "Network: the name of the " + product + " site could not be resolved (DNS)." + fix;
        }
        if (cause instanceof HttpTimeoutException) {
            return "Network: " + product + " did not answer within " + waited.toSeconds() + " s." + fix;
        }
        if (e.getCause() instanceof ConnectException) {
            return "Network: the connection to " + product + " was refused." + fix;
        }
        return "Network: " + product + " could not be reached (" + e.getMessage() + ")." + fix;
    }

    private static String jiraSaid(JiraException e) {
        return e.jiraMessage() == null || e.jiraMessage().isBlank() ? "" : "Jira said: " + e.jiraMessage();
    }
}
