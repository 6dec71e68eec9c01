package dev.ferry.ticket;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.jira.CreatedIssue;
import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkProvenance;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What follows Jira's answer, in one transaction: the link to the object, the audit record, the row's end. */
@Component
class HandTicketCompletion {

    private final TicketLinks links;
    private final HandTicketStore store;
    private final AuditLog audit;
    private final Clock clock;

    HandTicketCompletion(TicketLinks links, HandTicketStore store, AuditLog audit, Clock clock) {
        this.links = links;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Audited as whoever asked for the ticket, even when a worker finishes it after a crash. */
    @Transactional
    void complete(HandTicketRow row, CreatedIssue issue) {
        TicketLink link = links.link(row.clientKey(), new IssueState(issue.id(), issue.key(), null, "new", clock.instant()),
                row.object(), LinkOrigin.HAND, LinkProvenance.manual(row.organizationId()));
        store.created(row, issue.id(), issue.key(), link.id());
        audit.record(row.organizationId(), row.createdBy(), AuditAction.TICKET_CREATED_BY_HAND, issue.key(),
                row.object().type() + " " + row.object().id() + " (hand ticket " + row.id() + ", " + row.clientKey() + ")");
    }
}
