package dev.ferry.delivery;

import dev.ferry.persistence.RetryDelay;
import dev.ferry.destination.Destination;
import dev.ferry.destination.DestinationRepository;
import dev.ferry.jira.JiraException;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Jira's refusal means for a delivery, its destination and its site. Throttling only ever delays, and
 * so does a 401 for the token's times (a node's clock is off: the delivery goes again, maybe on another
 * node); any other 401 parks every delivery of the site until its credentials are renewed (a re-install, a new
 * token, a reconnect); 403/404 and a refused issue type
 * park the destination until a person repairs it; anything else Jira refuses outright fails the delivery
 * with Jira's own words.
 */
@Component
class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Duration THROTTLED_DEFAULT = Duration.ofSeconds(30);
    /** Long enough for another node (or a corrected clock) to take it, short enough to lose little time. */
    private static final Duration CLOCK_SKEW_RETRY = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final DestinationRepository destinations;
    private final SiteLinks siteLinks;
    private final DeliveryProperties properties;
    private final Jobs jobs;
    private final Clock clock;

    DeliveryFailures(Outbox outbox, DestinationRepository destinations, SiteLinks siteLinks,
            DeliveryProperties properties, Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.destinations = destinations;
        this.siteLinks = siteLinks;
        this.properties = properties;
        this.clock = clock;
    }

    void jiraRefused(Job job, JiraException e) {
        OutboundDelivery delivery = job.delivery();
        String words = e.jiraMessage();
        switch (consequence(e)) {
            case PARK_SITE -> {
                siteLinks.credentialsRejected(delivery.clientKey(), words);
                jobs.credentialsRejected(delivery.clientKey());
                park(delivery, "Jira rejected the credentials Ferry holds for the site: " + words);
            }
            case REPAIR_DESTINATION -> {
                changeDestination(job, destination -> destination.needsRepair("Jira answered " + e.status() + ": " + words,
                        clock.instant()));
                park(delivery, "destination needs repair: " + words);
            }
            case REMAP_ISSUE_TYPES -> {
                changeDestination(job, destination -> destination.needsIssueTypes(
                        "Jira refused the issue type \"" + job.rule().issueType() + "\": " + words, clock.instant()));
                park(delivery, "refresh issue types: " + words);
            }
            case FAIL -> outbox.finish(delivery, TicketDeliveryStatus.FAILED, "Jira refused the ticket: " + words);
            case DELAY -> {
                Delay delay = delay(e);
                outbox.reschedule(delivery, TicketDeliveryStatus.PENDING, clock.instant().plus(delay.pause()),
                        delay.why() + ": " + words);
            }
            case COUNT_ATTEMPT -> failed(delivery, DeliveryErrors.jiraUnavailable(e));
        }
        log.info("delivery {} (event {}, site {}) {}: {}", delivery.id(), delivery.eventId(), delivery.clientKey(),
                e.kind(), e.getMessage());
    }

    /** What a refusal stops besides the delivery, decided from Jira's answer alone. */
    enum Consequence {
        /** Throttling, or a node's clock: the delivery only waits. */
        DELAY,
        /** The site's credentials are rejected: every delivery of the site waits until Jira installs the app again. */
        PARK_SITE,
        /** The project is closed to the app or gone: the destination waits for a person to repair it. */
        REPAIR_DESTINATION,
        /** The rule's issue type is refused: the destination waits until its issue types are read again. */
        REMAP_ISSUE_TYPES,
        /** Jira could not answer: tried again with a growing pause until the attempts run out. */
        COUNT_ATTEMPT,
        /** Jira refused the ticket itself: the same ticket would be refused again. */
        FAIL
    }

    static Consequence consequence(JiraException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED -> Consequence.PARK_SITE;
            case DENIED, NOT_FOUND, BLOCKED -> Consequence.REPAIR_DESTINATION;
            case INVALID -> refusesIssueType(e.jiraMessage()) ? Consequence.REMAP_ISSUE_TYPES : Consequence.FAIL;
            case CLOCK_SKEW, RATE_LIMITED -> Consequence.DELAY;
            case UNAVAILABLE -> Consequence.COUNT_ATTEMPT;
        };
    }

    /** How long a {@link Consequence#DELAY} lasts, and why. */
    record Delay(Duration pause, String why) {
    }

    static Delay delay(JiraException e) {
        return e.kind() == JiraException.Kind.CLOCK_SKEW
                ? new Delay(CLOCK_SKEW_RETRY, "Jira refused the token's times (clock skew on a Ferry node)")
                : new Delay(e.retryAfter().orElse(THROTTLED_DEFAULT), "throttled by Jira");
    }

    private static boolean refusesIssueType(String words) {
        return words != null && words.toLowerCase().contains("issuetype");
    }

    /** An unexpected failure on Ferry's side: retried with backoff, like Jira being unavailable. */
    void failed(OutboundDelivery delivery, String error) {
        Optional<Duration> pause = nextTry(delivery.attempts(), properties.maxAttempts());
        if (pause.isEmpty()) {
            outbox.finish(delivery, TicketDeliveryStatus.FAILED, "gave up after " + delivery.attempts() + " attempts: " + error);
            log.error("delivery {} failed for good: {}", delivery.id(), error);
            return;
        }
        outbox.reschedule(delivery, TicketDeliveryStatus.PENDING, clock.instant().plus(pause.get()), error);
    }

    /** The pause before trying once more after {@code attempts}; empty once they have run out. */
    static Optional<Duration> nextTry(int attempts, int maxAttempts) {
        return attempts >= maxAttempts ? Optional.empty() : Optional.of(backoff(attempts));
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

    private void changeDestination(Job job, java.util.function.Consumer<Destination> change) {
        destinations.findById(job.destination().id()).ifPresent(destination -> {
            change.accept(destination);
            destinations.save(destination);
        });
    }

    static Duration backoff(int attempts) {
        return RetryDelay.doubling(FIRST_RETRY, LAST_RETRY, attempts);
    }
}
