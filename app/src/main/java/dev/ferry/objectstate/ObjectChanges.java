package dev.ferry.objectstate;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.persistence.NewWork;
import dev.ferry.principal.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a state or comment the product posted, with one comment to write per ticket linked to the object
 * now, all in one transaction: the tickets are those of this moment, so a ticket linked later never gets it. The
 * commit wakes this node's worker, which writes them at once.
 */
@Service
class ObjectChanges {

    private final JdbcClient jdbc;
    private final TicketLinks links;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObjectChanges(JdbcClient jdbc, TicketLinks links, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a posted change became: its id and the tickets it goes to, or no id when no ticket is linked. */
    record Posted(Long changeId, List<TicketLink> tickets) {

        boolean nothingToDo() {
            return changeId == null;
        }
    }

    /**
     * Nothing is stored for an object without a live linked ticket: Ferry carries the product's words to
     * tickets, it does not keep the product's states for it.
     */
    @Transactional
    Posted post(Caller caller, String objectType, String objectId, ChangeKind kind, String state, String text, String by) {
        List<TicketLink> tickets = links.forObject(caller.organizationId(), objectType, objectId).stream()
                .filter(link -> !link.issueDeleted()).toList();
        if (tickets.isEmpty()) {
            return new Posted(null, List.of());
        }
        Timestamp now = Timestamp.from(clock.instant());
        long changeId = insertChange(caller, objectType, objectId, kind, state, text, by, now);
        tickets.forEach(ticket -> jdbc.sql("""
                insert into object_change_comment (change_id, link_id, organization_id, client_key, issue_id, issue_key,
                    status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(changeId, ticket.id(), caller.organizationId(), ticket.clientKey(), ticket.issueId(),
                        ticket.issueKey(), now, now).update());
        events.publishEvent(new NewWork(ObjectStateWorker.class));
        if (kind == ChangeKind.STATE) {
            links.objectStateChanged(caller.organizationId(), objectType, objectId, state);
        }
        audit.record(caller.organizationId(), caller.actor(),
                kind == ChangeKind.STATE ? AuditAction.OBJECT_STATE_CHANGED : AuditAction.OBJECT_COMMENTED,
                objectType + " " + objectId, detail(kind, state, by, tickets));
        return new Posted(changeId, tickets);
    }

    private long insertChange(Caller caller, String objectType, String objectId, ChangeKind kind, String state,
            String text, String by, Timestamp now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into object_change (organization_id, object_type, object_id, kind, state, text, changed_by, actor,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.organizationId(), objectType, objectId, kind.name(), state, text, by, caller.actor(), now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static String detail(ChangeKind kind, String state, String by, List<TicketLink> tickets) {
        String what = kind == ChangeKind.STATE ? "state " + state : "comment";
        return what + (by == null ? "" : " by " + by) + ", to "
                + tickets.stream().map(TicketLink::issueKey).collect(Collectors.joining(", "));
    }
}
