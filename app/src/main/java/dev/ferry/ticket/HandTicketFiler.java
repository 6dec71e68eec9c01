package dev.ferry.ticket;

import dev.ferry.persistence.RetryDelay;
import dev.ferry.jira.CreatedIssue;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraIssue;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Makes a claimed hand ticket exist in Jira exactly once: after a write was attempted, the issue is looked
 * for by its marker property before anything is filed again; a create Jira could not answer is left pending
 * for a later attempt, one Jira refused ends the row as failed.
 */
@Component
class HandTicketFiler {

    private static final Logger log = LoggerFactory.getLogger(HandTicketFiler.class);
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    private final JiraClient jira;
    private final SiteDirectory sites;
    private final HandTicketStore store;
    private final HandTicketCompletion completion;
    private final TicketProperties properties;
    private final Clock clock;

    HandTicketFiler(JiraClient jira, SiteDirectory sites, HandTicketStore store, HandTicketCompletion completion,
            TicketProperties properties, Clock clock) {
        this.jira = jira;
        this.sites = sites;
        this.store = store;
        this.completion = completion;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What working the row came to.
     *
     * @param refusal Jira's refusal when the row failed on it; null otherwise
     */
    record Worked(HandTicket.State state, JiraException refusal) {
    }

    Worked work(HandTicketRow row) {
        try {
            Optional<JiraSite> site = sites.callable(row.clientKey());
            if (site.isEmpty()) {
                return later(row, null, "Ferry cannot call the site " + row.clientKey() + " now");
            }
            CreatedIssue issue = issue(site.get(), row);
            completion.complete(row, issue);
            log.info("hand ticket {} filed as {} on {}", row.id(), issue.key(), row.clientKey());
            return new Worked(HandTicket.State.CREATED, null);
        } catch (JiraException e) {
            if (retryable(e)) {
                return later(row, e, "Jira could not be asked: " + e.getMessage());
            }
            store.failed(row, words(e));
            log.info("hand ticket {}: Jira refused it: {}", row.id(), e.getMessage());
            return new Worked(HandTicket.State.FAILED, e);
        } catch (ClaimLostException e) {
            log.info("{}; leaving it", e.getMessage());
            return new Worked(HandTicket.State.PENDING, null);
        }
    }

    /** The issue the row's marker names, when a write was attempted before; else a new one, marked. */
    private CreatedIssue issue(JiraSite site, HandTicketRow row) {
        if (row.writeAttemptedAt() != null) {
            List<JiraIssue> earlier = jira.findCreatedWithMarker(site, row.draft().projectKey(),
                    JiraClient.DELIVERY_PROPERTY, JiraClient.DELIVERY_PROPERTY_PATH, row.marker(), row.writeAttemptedAt());
            if (!earlier.isEmpty()) {
                log.info("hand ticket {}: found {} filed by an earlier attempt", row.id(), earlier.get(0).key());
                return new CreatedIssue(earlier.get(0).id(), earlier.get(0).key());
            }
        }
        store.writeAttempted(row);
        return jira.createIssue(site, row.draft().withProperties(Map.of(JiraClient.DELIVERY_PROPERTY,
                JsonNodeFactory.instance.objectNode().put(JiraClient.DELIVERY_PROPERTY_PATH, row.marker()))));
    }

    private Worked later(HandTicketRow row, JiraException e, String why) {
        if (row.attempts() >= properties.maxAttempts()) {
            store.failed(row, why + " (gave up after " + row.attempts() + " attempts)");
            return new Worked(HandTicket.State.FAILED, null);
        }
        store.reschedule(row, clock.instant().plus(delay(row.attempts(), e)), why);
        log.info("hand ticket {}: pending ({}), attempt {}", row.id(), why, row.attempts());
        return new Worked(HandTicket.State.PENDING, null);
    }

    /** Jira's Retry-After when it said one, else the first delay doubled with each attempt. */
    Duration delay(int attempts, JiraException e) {
        Duration backoff = RetryDelay.doubling(properties.retryDelay(), MAX_DELAY, attempts);
        Duration wait = e == null ? backoff : e.retryAfter().filter(after -> after.compareTo(backoff) > 0).orElse(backoff);
        return wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait;
    }

    /** Throttled, unreachable, a clock off, or credentials being renewed: worth another attempt later. */
    static boolean retryable(JiraException e) {
        return switch (e.kind()) {
            case RATE_LIMITED, UNAVAILABLE, CLOCK_SKEW, UNAUTHORIZED -> true;
            default -> false;
        };
    }

    /** Jira's own words for the row's last error. */
    static String words(JiraException e) {
        return "Jira refused the ticket: " + (e.jiraMessage().isBlank() ? "HTTP " + e.status() : e.jiraMessage());
    }
}
