package dev.ferry.delivery;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.event.ProductEvent;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.RemoteLink;
import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkProvenance;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLinks;
import dev.ferry.panel.GlanceBadges;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows a ticket: the remote link back to the object (its globalId makes a repeat an update), then
 * in one transaction the ticket link (which queues the glance badge), the audit row and the delivery's end.
 */
@Component
class DeliveryCompletion {

    static final String ACTOR = "ferry:delivery";

    private final JiraClient jira;
    private final TicketLinks links;
    private final AuditLog audit;
    private final Outbox outbox;
    private final GlanceBadges badges;
    private final Clock clock;

    DeliveryCompletion(JiraClient jira, TicketLinks links, AuditLog audit, Outbox outbox, GlanceBadges badges,
            Clock clock) {
        this.badges = badges;
        this.jira = jira;
        this.links = links;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    void linkBack(Job job, TicketFiler.Filed filed) {
        ProductEvent.Subject subject = job.event().subject();
        if (filed.outcome() != TicketOutcome.COMMENTED && subject.url() != null) {
            jira.putRemoteLink(job.site(), filed.issueId(), new RemoteLink(globalId(job), subject.url(), subject.title(),
                    false));
        }
    }

    @Transactional
    void complete(Job job, TicketFiler.Filed filed) {
        ProductEvent event = job.event();
        if (filed.outcome() == TicketOutcome.COMMENTED) {
            audit.record(event.organizationId(), ACTOR, AuditAction.ISSUE_COMMENTED, filed.issueKey(), detail(job));
        } else {
            badges.filedWith(job.destination().clientKey(), filed.issueId());
            IssueState state = new IssueState(filed.issueId(), filed.issueKey(), null, "new", clock.instant());
            LinkedObject object = LinkedObject.of(event.subject());
            LinkProvenance provenance = new LinkProvenance(event.organizationId(), job.destination().id(), event.id(),
                    event.type());
            if (filed.outcome() == TicketOutcome.CREATED) {
                links.linkCreated(job.destination().clientKey(), state, object, LinkOrigin.AUTOMATIC, provenance);
            } else {
                links.link(job.destination().clientKey(), state, object, LinkOrigin.AUTOMATIC, provenance);
            }
            audit.record(event.organizationId(), ACTOR, AuditAction.ISSUE_CREATED, filed.issueKey(), detail(job));
        }
        outbox.done(job.delivery(), filed.issueId(), filed.issueKey(), filed.outcome());
    }

    /** One remote link per product object on an issue, whichever event filed it. */
    static String globalId(Job job) {
        ProductEvent.Subject subject = job.event().subject();
        return "ferry:" + job.event().organizationId() + ":" + subject.type() + ":" + subject.id();
    }

    private static String detail(Job job) {
        ProductEvent event = job.event();
        return event.type() + " for " + event.subject().type() + " " + event.subject().id() + " (event " + event.id()
                + ", destination " + job.destination().id() + ")";
    }
}
