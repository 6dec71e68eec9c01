package dev.ferry.delivery;

import dev.ferry.destination.Rule;
import dev.ferry.event.ProductEvent;
import dev.ferry.jira.CreatedIssue;
import dev.ferry.jira.IssueDraft;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraIssue;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.template.TicketTemplates;
import dev.ferry.panel.GlanceBadges;
import dev.ferry.webhook.LastWebhookSeen;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Makes one delivery's ticket exist in Jira exactly once: a comment on the object's open ticket for this
 * event, or a new ticket. Each step is recorded before the next, so a retry after a crash resumes where
 * the dead attempt stopped instead of repeating Jira's non-idempotent create.
 */
@Component
class TicketFiler {

    private final JiraClient jira;
    private final TicketLinks links;
    private final TicketTemplates templates;
    private final Outbox outbox;
    private final GlanceBadges badges;
    private final LastWebhookSeen webhooks;
    private final Duration statusFreshFor;
    private final Duration webhookStatusTrustedFor;
    private final Clock clock;

    TicketFiler(JiraClient jira, TicketLinks links, TicketTemplates templates, Outbox outbox, GlanceBadges badges,
            LastWebhookSeen webhooks, DeliveryProperties properties, Clock clock) {
        this.jira = jira;
        this.links = links;
        this.templates = templates;
        this.outbox = outbox;
        this.badges = badges;
        this.webhooks = webhooks;
        this.statusFreshFor = properties.statusFreshFor();
        this.webhookStatusTrustedFor = properties.webhookStatusTrustedFor();
        this.clock = clock;
    }

    /** The ticket the delivery ends on, and how it got there. */
    record Filed(String issueId, String issueKey, TicketOutcome outcome) {
    }

    Filed file(Job job) {
        OutboundDelivery delivery = job.delivery();
        if (delivery.issueId() != null) {
            return new Filed(delivery.issueId(), delivery.issueKey(), delivery.outcome());
        }
        Optional<TicketLink> open = openTicket(job);
        // Recorded with the delivery's end, or before it when the remote link fails: a crash in between leaves a
        // retry to find the ticket by its marker.
        return open.isPresent() ? comment(job, open.get()) : create(job);
    }

    /** The ticket this destination filed for the object and event, if Jira still has it open. */
    private Optional<TicketLink> openTicket(Job job) {
        return ticketToCommentOn(
                links.latestSpawnedBy(job.destination().id(), LinkedObject.of(job.event().subject()), job.event().type()),
                link -> links.refreshStatus(link.clientKey(), link.id()), freshSince(job.delivery().clientKey()));
    }

    /**
     * Since when a status Ferry knows is taken as Jira's: a read (or filing) just made need not be repeated, and while
     * the site's webhooks arrive, a status they had every chance to correct is trusted for longer. The price is a
     * comment on a ticket closed less than a webhook's delay ago; a read narrows that race to the read's own delay.
     */
    private Instant freshSince(String clientKey) {
        Instant now = clock.instant();
        Instant justRead = now.minus(statusFreshFor);
        Instant trusted = now.minus(webhookStatusTrustedFor);
        return trusted.isBefore(justRead) && webhooks.heardFromSince(clientKey, trusted) ? trusted : justRead;
    }

    /**
     * Comment or new ticket: the ticket a new firing comments on, if any, else a new ticket is filed. It is the
     * last ticket filed for the object and event, open as Ferry knows it and still open as Jira says now
     * ({@code jiraNow}, asked unless Ferry read or set the status after {@code freshSince}): a webhook may not have
     * told Ferry yet that someone closed it, but a status just read (or a ticket just filed) need not be asked again.
     */
    static Optional<TicketLink> ticketToCommentOn(Optional<TicketLink> lastFiled,
            Function<TicketLink, Optional<TicketLink>> jiraNow, Instant freshSince) {
        return lastFiled.filter(TicketLink::isOpen)
                .flatMap(link -> isFresh(link, freshSince) ? Optional.of(link) : jiraNow.apply(link))
                .filter(TicketLink::isOpen);
    }

    private static boolean isFresh(TicketLink link, Instant freshSince) {
        return link.lastSyncedAt() != null && link.lastSyncedAt().isAfter(freshSince);
    }

    /** Comments are no more idempotent than creates, so they carry the same marker and a retry looks for it. */
    private Filed comment(Job job, TicketLink ticket) {
        OutboundDelivery delivery = job.delivery();
        Filed commented = new Filed(ticket.issueId(), ticket.issueKey(), TicketOutcome.COMMENTED);
        try {
            if (delivery.writeAttemptedAt() != null && !jira.findCommentsByProperty(job.site(), ticket.issueId(),
                    JiraClient.DELIVERY_PROPERTY, JiraClient.DELIVERY_PROPERTY_PATH, delivery.marker()).isEmpty()) {
                return commented;
            }
            outbox.beginWrite(delivery);
            jira.addComment(job.site(), ticket.issueId(), templates.comment(job.event().facts()), marker(delivery));
            return commented;
        } catch (JiraException e) {
            if (e.kind() == JiraException.Kind.NOT_FOUND) {
                links.refreshStatus(ticket.clientKey(), ticket.id());
                return create(job);
            }
            throw e;
        }
    }

    private Filed create(Job job) {
        OutboundDelivery delivery = job.delivery();
        if (delivery.writeAttemptedAt() != null) {
            List<JiraIssue> earlier = jira.findCreatedWithMarker(job.site(), job.destination().projectKey(),
                    JiraClient.DELIVERY_PROPERTY, JiraClient.DELIVERY_PROPERTY_PATH, delivery.marker(),
                    delivery.writeAttemptedAt());
            if (!earlier.isEmpty()) {
                return new Filed(earlier.get(0).id(), earlier.get(0).key(), TicketOutcome.RECOVERED);
            }
        }
        // Rendered before the write is marked: a template refused here must not look like a lost create.
        IssueDraft draft = draft(job);
        outbox.beginWrite(delivery);
        CreatedIssue created = jira.createIssue(job.site(), draft);
        return new Filed(created.id(), created.key(), TicketOutcome.CREATED);
    }

    private IssueDraft draft(Job job) {
        Rule rule = job.rule();
        ProductEvent event = job.event();
        String summary = templates.summary(rule.summaryTemplate(), event.variables());
        if (summary.isBlank()) {
            summary = templates.summary(event.type() + " on {{title}}", Map.of("title", event.subject().title()));
        }
        return new IssueDraft(job.destination().projectKey(), rule.issueTypeId(),
                rule.issueTypeId() == null ? rule.issueType() : null, summary,
                templates.description(rule.descriptionFormat(), rule.descriptionTemplate(), event.facts()),
                rule.priority(), rule.labelList(), properties(job));
    }

    /** The delivery's marker, and the glance badge of a ticket with one linked object: both written by the create. */
    private Map<String, JsonNode> properties(Job job) {
        Map<String, JsonNode> properties = new HashMap<>(marker(job.delivery()));
        properties.putAll(badges.forNewTicket(job.site()));
        return properties;
    }

    private static Map<String, JsonNode> marker(OutboundDelivery delivery) {
        return Map.of(JiraClient.DELIVERY_PROPERTY,
                JsonNodeFactory.instance.objectNode().put(JiraClient.DELIVERY_PROPERTY_PATH, delivery.marker()));
    }
}
