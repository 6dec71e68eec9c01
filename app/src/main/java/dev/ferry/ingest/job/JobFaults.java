package dev.ferry.ingest.job;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.FailureWords;
import dev.ferry.jira.JiraException;
import dev.ferry.persistence.RetryDelay;
import java.time.Duration;
import java.time.Instant;

/**
 * What a failed page does to its job, and the words a person reads: a rate limit only slows it; a failing
 * Jira is tried again later with a doubling wait, then fails; rejected credentials park it until they are
 * repaired. Every one resumes at the page it was on.
 */
final class JobFaults {

    /** How the job goes on: waiting until {@code resumeAt} (counting {@code attempts}), or failed when it is null. */
    record Verdict(Instant resumeAt, int attempts, String words, boolean credentials) {

        boolean failed() {
            return resumeAt == null;
        }
    }

    private JobFaults() {
    }

    static Verdict of(JiraException e, IngestJob job, ConnectionKind kind, String product, Instant now,
            IngestProperties properties) {
        String resumes = job.kind() == JobKind.FETCH ? "the fetch resumes" : "the scheduled run resumes";
        return switch (e.kind()) {
            case RATE_LIMITED -> {
                Instant at = now.plus(e.retryAfter().orElse(Duration.ofSeconds(30)));
                yield new Verdict(at, job.attempts(), "Rate limited by Atlassian: " + resumes + " at " + at
                        + " where it stopped.", false);
            }
            case UNAUTHORIZED -> new Verdict(now.plus(properties.credentialsRecheck()), job.attempts(),
                    rejected(kind, product, e) + "; " + resumes + " after that, where it stopped.", true);
            case DENIED -> new Verdict(now.plus(properties.credentialsRecheck()), job.attempts(),
                    FailureWords.of(kind, e, product, Duration.ZERO) + " Give the account access; " + resumes
                            + " after that (Ferry tries again every " + properties.credentialsRecheck().toMinutes()
                            + " minutes).", true);
            default -> retry(e, job, kind, product, now, properties);
        };
    }

    private static Verdict retry(JiraException e, IngestJob job, ConnectionKind kind, String product, Instant now,
            IngestProperties properties) {
        int attempts = job.attempts() + 1;
        String words = FailureWords.of(kind, e, product, Duration.ZERO);
        if (attempts >= properties.maxAttempts()) {
            return new Verdict(null, attempts, words + " Gave up after " + attempts + " attempts at the same page.", false);
        }
        Instant at = now.plus(RetryDelay.doubling(properties.retryInitial(), properties.retryMax(), attempts));
        return new Verdict(at, attempts, words + " Trying that page again at " + at + " (attempt " + (attempts + 1)
                + " of " + properties.maxAttempts() + ").", false);
    }

    /** A 401 over each kind of connection, said as what to repair. */
    private static String rejected(ConnectionKind kind, String product, JiraException e) {
        return switch (kind) {
            case API_TOKEN -> product + " rejected the API token: replace it on the Connections page";
            case OAUTH -> FailureWords.grantLost(product + " answered 401").replaceFirst("\\.$", "");
            case APP_INSTALL -> "Jira no longer accepts Ferry's app credentials: install Ferry on the site again";
        };
    }
}
