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
import dev.ferry.logging.LogContext;
import dev.ferry.metrics.FerryMeters;
import dev.ferry.node.NodeRole;
import dev.ferry.panel.GlanceBadges;
import dev.ferry.persistence.GroupCommit;
import dev.ferry.persistence.GroupCommitLifecycle;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a ticket: the remote link back to the object (its globalId makes a repeat an update), then
 * in one transaction the ticket link (which queues the glance badge), the audit row and the delivery's end.
 * <p>
 * Deliveries ending together share that transaction ({@link GroupCommit}): a writer thread records every end waiting
 * and commits once. On H2 a commit rewrites every page it changed, a B-tree's path to the root in each table and
 * index, so ends committed together write those pages once; the rate gate lets a site's deliveries go in bursts, so
 * they tend to end together. The delivery's thread waits for its end to commit, as before; a batch that fails for one
 * delivery (its lease lost, say) writes each again alone. The writer stops after the delivery worker (a lower phase
 * stops later), recording the ends it already handed in.
 */
@Component
class DeliveryCompletion extends GroupCommitLifecycle<DeliveryCompletion.Ending, Boolean> {

    static final String ACTOR = "ferry:delivery";
    private static final int MAX_BATCH = 64;

    private final JiraClient jira;
    private final TicketLinks links;
    private final AuditLog audit;
    private final Outbox outbox;
    private final GlanceBadges badges;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final DeliveryProperties properties;
    @Autowired(required = false)
    private FerryMeters meters = FerryMeters.NONE;
    @Autowired(required = false)
    private NodeRole role = NodeRole.ALL;

    DeliveryCompletion(JiraClient jira, TicketLinks links, AuditLog audit, Outbox outbox, GlanceBadges badges,
            Clock clock, TransactionTemplate transaction, DeliveryProperties properties) {
        super("ferry-delivery-end", MAX_BATCH, Math.max(MAX_BATCH, properties.workerThreads()), 1, properties.lease());
        this.badges = badges;
        this.jira = jira;
        this.links = links;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** A filed ticket whose delivery is to end. */
    record Ending(Job job, TicketFiler.Filed filed) {
    }

    void linkBack(Job job, TicketFiler.Filed filed) {
        ProductEvent.Subject subject = job.event().subject();
        if (filed.outcome() != TicketOutcome.COMMENTED && subject.url() != null) {
            jira.putRemoteLink(job.site(), filed.issueId(), new RemoteLink(globalId(job), subject.url(), subject.title(),
                    false));
        }
    }

    /** Ends the delivery on its ticket and returns once that is committed; throws what recording it threw. */
    void complete(Job job, TicketFiler.Filed filed) {
        writes().write(new Ending(job, filed), properties.lease());
    }

    @Override
    public List<Boolean> writeAll(List<Ending> batch) {
        return transaction.execute(status -> batch.stream().map(this::recordLogged).toList());
    }

    @Override
    public Boolean writeOne(Ending ending) {
        return transaction.execute(status -> recordLogged(ending));
    }

    /** Counted once committed: a batch written again one by one would count its ends twice. */
    @Override
    public void written(List<Ending> batch) {
        batch.forEach(ending -> meters.delivery(TicketDeliveryStatus.DONE.name()));
    }

    private boolean recordLogged(Ending ending) {
        OutboundDelivery delivery = ending.job().delivery();
        LogContext.run(() -> record(ending.job(), ending.filed()), LogContext.DELIVERY, delivery.id(),
                LogContext.EVENT, delivery.eventId(), LogContext.SITE, delivery.clientKey());
        return true;
    }

    /** The link, the audit row and the delivery's end, in the caller's transaction. */
    private void record(Job job, TicketFiler.Filed filed) {
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

    /**
     * Only where the delivery worker can run, its one caller: a web node runs no workers (ferry.node.role), so it ends
     * no deliveries and needs no writer thread. A node with the worker switched off keeps it, as tests drive the
     * worker by hand there.
     */
    @Override
    public void start() {
        if (role.runsWorkers()) {
            super.start();
        }
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
