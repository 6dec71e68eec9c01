package dev.ferry.delivery;

import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationRepository;
import dev.ferry.jira.JiraException;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Jira's refusal means for a delivery, its destination and its site. Throttling only ever delays, and
 * so does a 401 for the token's times (a node's clock is off: the delivery goes again, maybe on another
 * node); any other 401 parks every delivery of the site until it is installed again; 403/404 and a refused issue type
 * park the destination until a person repairs it; anything else Jira refuses outright fails the delivery
 * with Jira's own words.
 */
@Component
class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Duration THROTTLED_DEFAULT = Duration.ofSeconds(30);
    private static final Duration LANE_BUSY_RETRY = Duration.ofMillis(500);
    /** Long enough for another node (or a corrected clock) to take it, short enough to lose little time. */
    private static final Duration CLOCK_SKEW_RETRY = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final DestinationRepository destinations;
    private final SiteLinks siteLinks;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryFailures(Outbox outbox, DestinationRepository destinations, SiteLinks siteLinks,
            DeliveryProperties properties, Clock clock) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.siteLinks = siteLinks;
        this.properties = properties;
        this.clock = clock;
    }

    void jiraRefused(Job job, JiraException e) {
        OutboundDelivery delivery = job.delivery();
        String words = e.jiraMessage();
        switch (e.kind()) {
            case UNAUTHORIZED -> {
                siteLinks.credentialsRejected(delivery.clientKey(), words);
                park(delivery, "Jira rejected the app's credentials: " + words);
            }
            case DENIED, NOT_FOUND -> {
                changeDestination(job, destination -> destination.needsRepair("Jira answered " + e.status() + ": " + words,
                        clock.instant()));
                park(delivery, "destination needs repair: " + words);
            }
            case INVALID -> invalid(job, e, words);
            case CLOCK_SKEW -> outbox.reschedule(delivery, TicketDeliveryStatus.PENDING,
                    clock.instant().plus(CLOCK_SKEW_RETRY), "Jira refused the token's times (clock skew on a Ferry node): " + words);
            case RATE_LIMITED -> outbox.reschedule(delivery, TicketDeliveryStatus.PENDING,
                    clock.instant().plus(e.retryAfter().orElse(THROTTLED_DEFAULT)), "throttled by Jira: " + words);
            case UNAVAILABLE -> failed(delivery, DeliveryErrors.jiraUnavailable(e));
        }
        log.info("delivery {} (event {}, site {}) {}: {}", delivery.id(), delivery.eventId(), delivery.clientKey(),
                e.kind(), e.getMessage());
    }

    /** An unexpected failure on Ferry's side: retried with backoff, like Jira being unavailable. */
    void failed(OutboundDelivery delivery, String error) {
        if (delivery.attempts() >= properties.maxAttempts()) {
            outbox.finish(delivery, TicketDeliveryStatus.FAILED, "gave up after " + delivery.attempts() + " attempts: " + error);
            log.error("delivery {} failed for good: {}", delivery.id(), error);
            return;
        }
        outbox.reschedule(delivery, TicketDeliveryStatus.PENDING, clock.instant().plus(backoff(delivery.attempts())), error);
    }

    /** The rule's template is over a limit: the same template would be refused again, so there is no retry until a person asks. */
    void templateRefused(OutboundDelivery delivery, String reason) {
        outbox.finish(delivery, TicketDeliveryStatus.FAILED, "the rule's template was refused: " + reason);
        log.warn("delivery {} (event {}) failed: the rule's template was refused: {}", delivery.id(), delivery.eventId(),
                reason);
    }

    void park(OutboundDelivery delivery, String reason) {
        outbox.reschedule(delivery, TicketDeliveryStatus.WAITING, clock.instant().plus(properties.waitingRecheck()),
                reason);
    }

    private void invalid(Job job, JiraException e, String words) {
        if (words != null && words.toLowerCase().contains("issuetype")) {
            changeDestination(job, destination -> destination.needsIssueTypes(
                    "Jira refused the issue type \"" + job.rule().issueType() + "\": " + words, clock.instant()));
            park(job.delivery(), "refresh issue types: " + words);
            return;
        }
        outbox.finish(job.delivery(), TicketDeliveryStatus.FAILED, "Jira refused the ticket: " + words);
    }

    private void changeDestination(Job job, java.util.function.Consumer<Destination> change) {
        destinations.findById(job.destination().id()).ifPresent(destination -> {
            change.accept(destination);
            destinations.save(destination);
        });
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    /** Another delivery for the same object and event is at work: this one goes again shortly, after it. */
    void laneBusy(OutboundDelivery delivery) {
        outbox.reschedule(delivery, TicketDeliveryStatus.PENDING, clock.instant().plus(LANE_BUSY_RETRY),
                "waiting for another delivery for the same object and event");
    }
}
