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
public final class FailureWords {

    static final String SITE_FORM = "https://your-domain.atlassian.net";
    /** How the outbound guard words a name it could not resolve (url.OutboundGuard). */
    private static final String UNRESOLVED = "Could not resolve ";
    private static final String FIREWALL = " Check the firewall or allowlist between Ferry and Atlassian (outbound"
            + " HTTPS to *.atlassian.net and api.atlassian.com).";

    private FailureWords() {
    }

    /**
     * @param product "Jira" or "Confluence"
     * @param waited  how long the call was given before it was abandoned
     */
    public static String of(JiraException e, String product, Duration waited) {
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
            case BLOCKED -> e.jiraMessage().startsWith(UNRESOLVED) ? unresolved(product, waited)
                    : "Ferry will not call that address: " + e.jiraMessage();
        };
    }

    /**
     * As {@link #of}, for a call over a connection of {@code kind}: a 401 means something else for each kind
     * (a token to replace, a grant to approve again, an app to install again).
     */
    public static String of(ConnectionKind kind, JiraException e, String product, Duration waited) {
        if (e.kind() == JiraException.Kind.UNAUTHORIZED && kind == ConnectionKind.OAUTH) {
            return grantLost(product + " answered 401: the grant was revoked or has expired");
        }
        if (e.kind() == JiraException.Kind.UNAUTHORIZED && kind == ConnectionKind.APP_INSTALL) {
            return "Authentication failed at " + product + ": the site no longer accepts Ferry's app credentials"
                    + " (uninstalled, or its secret changed). Install Ferry on the site again.";
        }
        return of(e, product, waited);
    }

    /** The grant behind an OAuth connection is gone: only the account's consent brings it back. */
    public static String grantLost(String reason) {
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

    private static String unresolved(String product, Duration waited) {
        return "Network: the name of the " + product + " site could not be resolved (DNS) after " + seconds(waited)
                + "." + FIREWALL;
    }

    /** "0.2 s", "20 s": the time waited as a person reads it. */
    static String seconds(Duration waited) {
        long millis = waited.toMillis();
        return millis >= 10_000 || millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String network(JiraException e, String product, Duration waited) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof UnknownHostException)
                && !(cause instanceof UnresolvedAddressException) && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return unresolved(product, waited);
        }
        if (cause instanceof HttpTimeoutException) {
            return "Network: " + product + " did not answer; Ferry waited " + seconds(waited) + "." + FIREWALL;
        }
        if (e.getCause() instanceof ConnectException) {
            return "Network: the connection to " + product + " was refused after " + seconds(waited) + "." + FIREWALL;
        }
        return "Network: " + product + " could not be reached after " + seconds(waited) + " (" + e.getMessage() + ")."
                + FIREWALL;
    }

    private static String jiraSaid(JiraException e) {
        return e.jiraMessage() == null || e.jiraMessage().isBlank() ? "" : "Jira said: " + e.jiraMessage();
    }
}
