package dev.ferry.ticket;

import dev.ferry.jira.IssueDraft;
import dev.ferry.jira.JiraException;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLinks;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import dev.ferry.template.HandDescriptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Files a ticket by hand for a product object and links it at once, exactly once per idempotency key:
 * every field is checked against the site before anything is stored, and a crash after Jira's answer
 * leaves no second ticket.
 */
@Service
public class HandTickets {

    private static final Logger log = LoggerFactory.getLogger(HandTickets.class);
    static final int MAX_KEY = 255;

    private final SiteChecks checks;
    private final HandTicketStore store;
    private final HandTicketFiler filer;
    private final HandTicketViews views;
    private final TicketProperties properties;
    private final TicketLinks links;

    HandTickets(SiteChecks checks, HandTicketStore store, HandTicketFiler filer, HandTicketViews views,
            TicketProperties properties, TicketLinks links) {
        this.checks = checks;
        this.store = store;
        this.filer = filer;
        this.views = views;
        this.properties = properties;
        this.links = links;
    }

    /**
     * Files the ticket, or returns the one already filed for this idempotency key. Throws a
     * {@code Refusal} naming the field for bad input, and Jira's own words when Jira refuses the create.
     *
     * @param idempotencyKey the caller's key for this request; null means a new request every time
     */
    public HandTicket create(Caller caller, TicketDraft draft, String idempotencyKey) {
        Refusal.require(idempotencyKey == null || (!idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_KEY),
                "Idempotency-Key must be 1 to " + MAX_KEY + " characters");
        String fingerprint = Fingerprints.of(draft);
        if (idempotencyKey != null) {
            Optional<HandTicketRow> earlier = store.findByKey(caller.organizationId(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        DraftChecks.check(draft);
        SiteChecks.Checked checked = checks.check(caller, draft);
        LinkedObject object = new LinkedObject(draft.object().type(), draft.object().id(), draft.object().title(),
                draft.object().url() == null ? null : draft.object().url().strip(), draft.object().state());
        IssueDraft issue = new IssueDraft(checked.project(), checked.issueType().id(), null, draft.summary(),
                HandDescriptions.compose(draft.descriptionText(), draft.descriptionAdf(), context(caller, draft)),
                checked.priority(), draft.labels() == null ? List.of() : List.copyOf(draft.labels()), Map.of(),
                draft.assigneeAccountId());
        HandTicketRow row;
        try {
            row = store.insert(caller.organizationId(), checked.site().clientKey(), idempotencyKey, fingerprint, issue,
                    object, caller.actor(), properties.lease());
        } catch (DuplicateKeyException raced) {
            return replay(store.findByKey(caller.organizationId(), idempotencyKey).orElseThrow(() -> raced), fingerprint);
        }
        return work(row);
    }

    /** One of the organization's hand tickets; another organization's is as absent as a missing one. */
    public Optional<HandTicket> find(Caller caller, long id) {
        return store.find(caller.organizationId(), id).map(views::of);
    }

    /**
     * The same key again: the same ticket, never a second. One still pending and held by nobody is finished
     * now (its issue found by the marker if an earlier attempt filed it); a body that differs is refused.
     */
    private HandTicket replay(HandTicketRow row, String fingerprint) {
        if (!row.requestHash().equals(fingerprint)) {
            throw Refusal.conflict("Idempotency-Key " + row.idempotencyKey() + " was used for another ticket (hand ticket "
                    + row.id() + "); use a new key for a new ticket");
        }
        if (row.state() == HandTicket.State.FAILED) {
            throw InvalidBody.of("", row.lastError());
        }
        if (row.state() == HandTicket.State.PENDING) {
            Optional<HandTicketRow> claimed = store.claim(row, properties.lease());
            if (claimed.isPresent()) {
                return work(claimed.get());
            }
        }
        return views.of(row);
    }

    private HandTicket work(HandTicketRow row) {
        HandTicketFiler.Worked worked = filer.work(row);
        if (worked.refusal() != null) {
            throw JiraFieldRefusals.of(worked.refusal());
        }
        HandTicket ticket = find(row.organizationId(), row.id());
        readStatus(ticket);
        return ticket;
    }

    /**
     * Jira's create answers no status, and over an API token or OAuth no webhook will tell it: one read now lets
     * the product and the console show the ticket's status at once. Best effort: the ticket stands either way.
     */
    private void readStatus(HandTicket ticket) {
        if (ticket.linkId() == null) {
            return;
        }
        try {
            links.refreshStatus(ticket.site(), ticket.linkId());
        } catch (JiraException | OptimisticLockingFailureException e) {
            log.info("hand ticket {}: status of {} not read yet: {}", ticket.id(), ticket.issueKey(), e.getMessage());
        }
    }

    private HandTicket find(String organizationId, long id) {
        return store.find(organizationId, id).map(views::of).orElseThrow();
    }

    private HandDescriptions.ObjectContext context(Caller caller, TicketDraft draft) {
        TicketDraft.TicketObject object = draft.object();
        return new HandDescriptions.ObjectContext(store.organizationName(caller.organizationId()), object.type(),
                object.id(), object.title(), object.url(), object.state(), object.facts());
    }
}
