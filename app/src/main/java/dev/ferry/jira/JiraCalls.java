package dev.ferry.jira;

import dev.ferry.metrics.FerryMeters;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every call to Jira goes through here: a permit from the site's {@link SiteRateGate}, the signed request,
 * and Atlassian's retry advice. A 429 is always safe to retry (Jira refused the call); a 5xx or a lost
 * answer only when the request is repeatable. Nothing waits inline past {@code ferry.jira.max-inline-wait}:
 * then the caller gets the failure with a {@code retryAfter} and reschedules.
 */
@Component
class JiraCalls {

    /** Jira's reason for a limit on writes to one issue: it says nothing about the rest of the site. */
    static final String PER_ISSUE_REASON = "jira-per-issue-on-write";
    private static final Logger log = LoggerFactory.getLogger(JiraCalls.class);

    private final JiraTransport transport;
    private final SiteRateGate gate;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration maxInlineWait;
    private final ClockSkewAlarm clockSkew;
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;

    JiraCalls(JiraTransport transport, SiteRateGate gate, Clock clock, JiraProperties properties,
            ClockSkewAlarm clockSkew) {
        this.transport = transport;
        this.gate = gate;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.backoff = new Backoff(properties);
        this.maxInlineWait = properties.maxInlineWait();
    }

    /** The body of Jira's 2xx answer, or the failure that remained after the retries allowed. */
    String exchange(JiraSite site, JiraRequest request) {
        return respond(site, request).body();
    }

    /** Jira's whole 2xx answer (status and headers too), or the failure that remained after the retries allowed. */
    HttpResponse<String> respond(JiraSite site, JiraRequest request) {
        Instant deadline = clock.instant().plus(maxInlineWait);
        for (int retry = 1; ; retry++) {
            meters.rateWait(() -> gate.take(site.budgetKey(), deadline));
            JiraException failure;
            try {
                HttpResponse<String> response = transport.send(site, request);
                if (response.statusCode() / 100 == 2) {
                    clockSkew.accepted(site.clientKey());
                    return response;
                }
                failure = JiraErrors.from(request, response);
                if (failure.kind() == JiraException.Kind.RATE_LIMITED) {
                    failure = rateLimited(site, request, response, failure, retry);
                } else if (failure.kind() == JiraException.Kind.CLOCK_SKEW) {
                    clockSkew.refused(site, request, response, failure);
                }
            } catch (JiraException unreachable) {
                failure = unreachable;
            }
            Pause.until(clock, clock.instant().plus(waitBeforeRetry(site, request, failure, retry, deadline)));
        }
    }

    /** Jira's 2xx answer as JSON. */
    JsonNode json(JiraSite site, JiraRequest request) {
        return IssueBodies.JSON.readTree(exchange(site, request));
    }

    /** Pauses the whole site unless Jira limited writes to one issue; the exception carries the wait. */
    private JiraException rateLimited(JiraSite site, JiraRequest request, HttpResponse<String> response,
            JiraException failure, int retry) {
        Duration wait = backoff.delay(retry, failure.retryAfter().orElse(null));
        String reason = response.headers().firstValue("RateLimit-Reason").orElse("");
        if (!PER_ISSUE_REASON.equals(reason)) {
            gate.block(site.budgetKey(), clock.instant().plus(wait));
        }
        log.info("{} on {}: rate-limited ({}), waiting {}", request.describe(), site.clientKey(),
                reason.isEmpty() ? "no reason given" : reason, wait);
        return new JiraException(failure.kind(), failure.status(), failure.getMessage(), failure.jiraMessage(), wait);
    }

    /** How long to wait before the next try, or the failure thrown when no further try is allowed. */
    private Duration waitBeforeRetry(JiraSite site, JiraRequest request, JiraException failure, int retry,
            Instant deadline) {
        boolean rateLimited = failure.kind() == JiraException.Kind.RATE_LIMITED;
        boolean transientFailure = failure.kind() == JiraException.Kind.UNAVAILABLE && request.repeatable();
        if (!rateLimited && !transientFailure) {
            throw failure;
        }
        Duration wait = failure.retryAfter().orElseGet(() -> backoff.delay(retry, null));
        if (!backoff.allows(retry) || clock.instant().plus(wait).isAfter(deadline)) {
            JiraException last = new JiraException(failure.kind(), failure.status(), failure.getMessage(),
                    failure.jiraMessage(), wait);
            if (failure.getCause() != null) {
                // Kept so a person can still be told which: DNS, a refused connection, or time ran out.
                last.initCause(failure.getCause());
            }
            throw last;
        }
        log.debug("Retrying {} on {} in {} (retry {})", request.describe(), site.clientKey(), wait, retry);
        return wait;
    }
}
