package dev.ferry.auditcollector;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.FailureWords;
import dev.ferry.jira.JiraException;
import dev.ferry.persistence.RetryDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a failed poll does to its collector, and the words a person reads. A refusal (403) or rejected credentials
 * (401) need a person, so the collector waits hours, not seconds: no retry storm against Jira; a resume, an edit or
 * renewed credentials try again at once. A throttled or failing Jira, or a record Ferry cannot read, is tried
 * again with a doubling wait. Every one resumes at the page it was on.
 */
final class PollFaults {

    /** How the collector goes on: failing for {@code failure}, trying again at {@code nextPollAt}. */
    record Verdict(CollectorFailure failure, Instant nextPollAt, int attempts, String words) {
    }

    private PollFaults() {
    }

    static Verdict of(JiraException e, PollClaim claim, ConnectionKind kind, Instant now, CollectorProperties properties) {
        int attempts = claim.attempts() + 1;
        return switch (e.kind()) {
            case DENIED -> {
                Instant at = now.plus(properties.forbiddenRecheck());
                yield new Verdict(CollectorFailure.FORBIDDEN, at, attempts, forbidden(kind, e)
                        + " Then resume or edit the collector; Ferry also tries again by itself at " + at + "." + said(e));
            }
            case UNAUTHORIZED -> {
                Instant at = now.plus(properties.credentialsRecheck());
                yield new Verdict(CollectorFailure.UNAUTHORIZED, at, attempts, FailureWords.of(kind, e, "Jira", Duration.ZERO)
                        + " The collector resumes where it stopped once the credentials are renewed (Ferry also tries"
                        + " again by itself at " + at + ").");
            }
            case CLOCK_SKEW -> retry(attempts, "Jira found the time of Ferry's signed request wrong: the clock of this"
                    + " node is off (the credentials are fine).", now, Duration.ZERO, properties);
            case RATE_LIMITED -> retry(attempts, FailureWords.of(kind, e, "Jira", Duration.ZERO), now,
                    e.retryAfter().orElse(Duration.ZERO), properties);
            default -> retry(attempts, FailureWords.of(kind, e, "Jira", Duration.ZERO), now, Duration.ZERO, properties);
        };
    }

    /**
     * Jira's audit log over OAuth needs the classic configuration scope, or both granular scopes its spec names
     * together; a grant without them is refused by Atlassian's gateway whatever the account may do.
     */
    static final String AUDIT_CLASSIC_SCOPE = "manage:jira-configuration";
    static final List<String> AUDIT_GRANULAR_SCOPES = List.of("read:audit-log:jira", "read:user:jira");

    static boolean coversAuditLog(Set<String> grantScopes) {
        return grantScopes.contains(AUDIT_CLASSIC_SCOPE) || grantScopes.containsAll(AUDIT_GRANULAR_SCOPES);
    }

    /** The gateway's answer to a token whose scopes do not cover the call: a 401 that is not about the credentials. */
    static boolean scopeMismatch(JiraException e) {
        return e.kind() == JiraException.Kind.UNAUTHORIZED && e.jiraMessage() != null
                && e.jiraMessage().toLowerCase(Locale.ROOT).contains("scope does not match");
    }

    /**
     * An OAuth grant without an audit scope: Jira is not asked (it would refuse every time), and the connection's
     * credentials stay healthy for everything else they serve.
     */
    static Verdict scopeMissing(PollClaim claim, Instant now, CollectorProperties properties) {
        Instant at = now.plus(properties.forbiddenRecheck());
        return new Verdict(CollectorFailure.FORBIDDEN, at, claim.attempts() + 1, "The OAuth grant of this connection"
                + " lacks the scope to read audit records: " + AUDIT_CLASSIC_SCOPE + " (or both "
                + String.join(" and ", AUDIT_GRANULAR_SCOPES) + "). Add it to"
                + " ferry.oauth.scopes and to the app in Atlassian's developer console, then Reconnect the connection;"
                + " Ferry also looks again by itself at " + at + ".");
    }

    /** Jira answered a record Ferry can neither keep once nor place in time: that page waits, nothing is skipped. */
    static Verdict unreadable(String why, PollClaim claim, Instant now, CollectorProperties properties) {
        int attempts = claim.attempts() + 1;
        Instant at = next(attempts, now, Duration.ZERO, properties);
        return new Verdict(CollectorFailure.UNREADABLE, at, attempts, "Jira answered a record Ferry cannot read (" + why
                + "). The collector keeps its"
                + " place (offset " + claim.offset() + " of its window) and reads that page again at " + at
                + " (attempt " + (attempts + 1) + "); no record is skipped.");
    }

    /** Jira answered no records at an offset short of its own total: the rest of the window waits, none skipped. */
    static Verdict emptyPage(long total, PollClaim claim, Instant now, CollectorProperties properties) {
        return retry(claim.attempts() + 1, "Jira answered no audit records at offset " + claim.offset()
                + " of its window although it counts " + total + ".", now, Duration.ZERO, properties);
    }

    /** Ferry cannot open the connection now (deleted, or its credentials unreadable): Jira is not called. */
    static Verdict connectionGone(PollClaim claim, Instant now, CollectorProperties properties) {
        Instant at = now.plus(properties.credentialsRecheck());
        return new Verdict(CollectorFailure.CONNECTION_GONE, at, claim.attempts() + 1, connectionGoneWords(at));
    }

    static String connectionGoneWords(Instant at) {
        return "Ferry cannot open the collector's connection: it was removed, or its credentials cannot be read."
                + " Repair the connection on the Connections page (or delete the collector); Ferry looks again at "
                + at + ".";
    }

    /** Something other than Jira's answer broke the poll (Ferry itself): tried again with the same doubling wait. */
    static Verdict unexpected(RuntimeException e, PollClaim claim, Instant now, CollectorProperties properties) {
        return retry(claim.attempts() + 1, "Reading Jira's audit records failed in Ferry (" + e.getClass().getSimpleName()
                + ").", now, Duration.ZERO, properties);
    }

    private static Verdict retry(int attempts, String words, Instant now, Duration jiraWait, CollectorProperties properties) {
        Instant at = next(attempts, now, jiraWait, properties);
        return new Verdict(CollectorFailure.UNAVAILABLE, at, attempts, words + " The collector reads that page again at "
                + at + " (attempt " + (attempts + 1) + "), where it stopped.");
    }

    /** The doubling wait, never shorter than what Jira asked for (its Retry-After). */
    private static Instant next(int attempts, Instant now, Duration jiraWait, CollectorProperties properties) {
        Duration delay = RetryDelay.doubling(properties.retryInitial(), properties.retryMax(), attempts);
        return now.plus(jiraWait.compareTo(delay) > 0 ? jiraWait : delay);
    }

    /** A 403 said as what to change: the account's global permission, the app's scope, or the site's plan. */
    private static String forbidden(ConnectionKind kind, JiraException e) {
        if (e.jiraMessage().toLowerCase(Locale.ROOT).matches("(?s).*(free plan|paid plan).*")) {
            return "Jira refused to show its audit records (403): Jira keeps an audit log only on a site where at least"
                    + " one Jira product is on a paid plan, and this site's are all on the Free plan. Upgrade one of them.";
        }
        if (kind == ConnectionKind.APP_INSTALL) {
            return "Jira refused to show its audit records to Ferry's app (403): reading them needs the app's ADMIN"
                    + " scope. Update the app installation on the site so that it grants ADMIN (a site admin approves"
                    + " the new scope).";
        }
        return "Jira refused to show its audit records (403): the account needs the global permission \"Administer"
                + " Jira\" to read them. Grant it to the account (Jira settings → System → Global permissions).";
    }

    private static String said(JiraException e) {
        return e.jiraMessage().isBlank() ? "" : " Jira said: " + e.jiraMessage();
    }
}
