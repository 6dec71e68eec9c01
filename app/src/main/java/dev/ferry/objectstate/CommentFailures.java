package dev.ferry.objectstate;

import dev.ferry.persistence.RetryDelay;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLinks;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Jira's refusal means for one ticket's comment, never for the others: a deleted issue fails it and
 * marks the link broken; rejected credentials park every comment of the site until they are renewed, as
 * deliveries wait; throttling and a node's clock only delay; Jira being unavailable is tried again with a
 * growing pause until the attempts run out; any other refusal fails it with Jira's own words.
 */
@Component
class CommentFailures {

    static final String WAITING = "WAITING";
    private static final Logger log = LoggerFactory.getLogger(CommentFailures.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Duration THROTTLED_DEFAULT = Duration.ofSeconds(30);
    private static final Duration CLOCK_SKEW_RETRY = Duration.ofMinutes(1);

    private final CommentOutbox outbox;
    private final SiteLinks siteLinks;
    private final TicketLinks links;
    private final ObjectStateProperties properties;
    private final Clock clock;

    CommentFailures(CommentOutbox outbox, SiteLinks siteLinks, TicketLinks links, ObjectStateProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.siteLinks = siteLinks;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    void jiraRefused(ClaimedComment row, JiraException e) {
        String words = e.jiraMessage().isBlank() ? e.getMessage() : e.jiraMessage();
        log.info("object comment {} (change {}, {} on {}) {}: {}", row.id(), row.changeId(), row.issueKey(),
                row.clientKey(), e.kind(), e.getMessage());
        switch (e.kind()) {
            case NOT_FOUND -> issueGone(row);
            case UNAUTHORIZED -> {
                siteLinks.credentialsRejected(row.clientKey(), e.jiraMessage());
                park(row, "Jira rejected the credentials Ferry holds for the site: " + words);
            }
            case CLOCK_SKEW -> outbox.reschedule(row, "PENDING", clock.instant().plus(CLOCK_SKEW_RETRY),
                    "Jira refused the token's times (clock skew on a Ferry node)");
            case RATE_LIMITED -> outbox.reschedule(row, "PENDING",
                    clock.instant().plus(e.retryAfter().orElse(THROTTLED_DEFAULT)), "throttled by Jira: " + words);
            case UNAVAILABLE -> failed(row, "Jira could not be reached or failed: " + words);
            case DENIED, INVALID, BLOCKED -> outbox.finish(row, "FAILED", "Jira refused the comment: " + words);
        }
    }

    /** The issue is gone from Jira: this comment fails, and the link shows the broken reference. */
    private void issueGone(ClaimedComment row) {
        outbox.finish(row, "FAILED", "Jira has no issue " + row.issueKey() + " any more: it was deleted");
        try {
            links.refreshStatus(row.clientKey(), row.linkId());
        } catch (RuntimeException e) {
            log.info("link {} of deleted issue {}: its status could not be read again: {}", row.linkId(), row.issueKey(),
                    e.getMessage());
        }
    }

    /** Something outside the comment has to change first (the site's credentials); look again later. */
    void park(ClaimedComment row, String reason) {
        outbox.reschedule(row, WAITING, clock.instant().plus(properties.waitingRecheck()), reason);
    }

    /** Tried again after a growing pause, until the attempts run out. */
    void failed(ClaimedComment row, String error) {
        if (row.attempts() >= properties.maxAttempts()) {
            outbox.finish(row, "FAILED", "gave up after " + row.attempts() + " attempts: " + error);
            log.warn("object comment {} failed for good: {}", row.id(), error);
            return;
        }
        outbox.reschedule(row, "PENDING", clock.instant().plus(backoff(row.attempts())), error);
    }

    static Duration backoff(int attempts) {
        return RetryDelay.doubling(FIRST_RETRY, LAST_RETRY, attempts);
    }
}
