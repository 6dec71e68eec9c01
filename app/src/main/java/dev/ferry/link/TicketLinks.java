package dev.ferry.link;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates and removes links; every change to an issue's set of links announces {@link IssueLinksChanged}. */
@Service
public class TicketLinks {

    private final TicketLinkRepository links;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SiteDirectory sites;
    private final JiraClient jira;
    private final LinkChanges changes;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    TicketLinks(TicketLinkRepository links, JdbcClient jdbc, ApplicationEventPublisher events, SiteDirectory sites,
            JiraClient jira, LinkChanges changes, Clock clock, PlatformTransactionManager transactions) {
        // The insert runs under a savepoint: on PostgreSQL a failed statement aborts the whole transaction, so the
        // look-up of the link a racing worker made would fail too unless only the insert is rolled back.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.links = links;
        this.jdbc = jdbc;
        this.changes = changes;
        this.events = events;
        this.sites = sites;
        this.jira = jira;
        this.clock = clock;
    }

    /** Links an object to an issue; linking the same object to the same issue again returns the existing link. */
    @Transactional
    public TicketLink link(String clientKey, IssueState issue, LinkedObject object, LinkOrigin origin) {
        return link(clientKey, issue, object, origin, LinkProvenance.NONE);
    }

    /** As {@link #link(String, IssueState, LinkedObject, LinkOrigin)}, remembering what spawned the link. */
    @Transactional
    public TicketLink link(String clientKey, IssueState issue, LinkedObject object, LinkOrigin origin,
            LinkProvenance provenance) {
        Optional<TicketLink> existing = find(clientKey, issue.issueId(), object);
        if (existing.isPresent()) {
            return existing.get();
        }
        return insert(clientKey, issue, object, origin, provenance);
    }

    /**
     * Links an object to an issue Ferry has just created: no link to it can exist yet, so none is looked for (a
     * person linking it meanwhile would meet the unique key, handled as in {@link #link}).
     */
    @Transactional
    public TicketLink linkCreated(String clientKey, IssueState issue, LinkedObject object, LinkOrigin origin,
            LinkProvenance provenance) {
        return insert(clientKey, issue, object, origin, provenance);
    }

    /** Inserts the link, or answers the one a racing writer inserted first under the same unique key. */
    private TicketLink insert(String clientKey, IssueState issue, LinkedObject object, LinkOrigin origin,
            LinkProvenance provenance) {
        try {
            TicketLink link = savepoint.execute(status -> insertRow(
                    TicketLink.create(clientKey, issue, object, origin, provenance, clock.instant())));
            events.publishEvent(new IssueLinksChanged(clientKey, issue.issueId()));
            changes.created(link);
            return link;
        } catch (DuplicateKeyException raced) {
            return find(clientKey, issue.issueId(), object).orElseThrow(() -> raced);
        }
    }

    /**
     * The new link's row in one insert. It is on every ticket delivery's path, where Spring Data's save cost more CPU
     * than the insert itself; later changes go through the repository, from the version a new row starts at.
     */
    private TicketLink insertRow(TicketLink link) {
        LinkedObject object = link.object();
        LinkProvenance provenance = link.provenance();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_link (version, client_key, issue_id, issue_key, status_name, status_category,
                    issue_deleted, last_synced_at, object_type, object_id, object_title, object_url, object_state, origin,
                    created_at, organization_id, destination_id, event_id, event_type)
                values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(link.clientKey(), link.issueId(), link.issueKey(), link.statusName(), link.statusCategory(),
                        link.issueDeleted(), Timestamp.from(link.lastSyncedAt()), object.type(), object.id(),
                        object.title(), object.url(), object.state(), link.origin().name(),
                        Timestamp.from(link.createdAt()), provenance.organizationId(), provenance.destinationId(),
                        provenance.eventId(), provenance.eventType())
                .update(keys, "id");
        return link.stored(keys.getKey().longValue());
    }

    /** Removes a link of this site; another site's link is as absent as a missing one. */
    @Transactional
    public boolean unlink(String clientKey, long linkId) {
        return links.findByIdAndClientKey(linkId, clientKey).map(link -> {
            remove(link);
            return true;
        }).orElse(false);
    }

    /**
     * Asks Jira for the linked issue's status now. A deleted issue marks the link; a site that cannot be
     * reached leaves it as it was and the {@link JiraException} tells the caller why.
     */
    public Optional<TicketLink> refreshStatus(String clientKey, long linkId) {
        return links.findByIdAndClientKey(linkId, clientKey).map(link -> {
            JiraSite site = sites.callable(clientKey).orElseThrow(() -> new JiraException(JiraException.Kind.DENIED, 0,
                    "the site has uninstalled the app", null));
            LinkSnapshot before = LinkSnapshot.of(link);
            try {
                link.syncedWith(jira.getIssueStatus(site, link.issueId()), clock.instant());
            } catch (JiraException e) {
                if (e.kind() != JiraException.Kind.NOT_FOUND) {
                    throw e;
                }
                link.issueGone(clock.instant());
            }
            return changes.save(before, link);
        });
    }

    /** The newest ticket a destination filed for this object and event type, if any. */
    public Optional<TicketLink> latestSpawnedBy(String destinationId, LinkedObject object, String eventType) {
        return links.findSpawnedBy(destinationId, object.type(), object.id(), eventType).stream().findFirst();
    }

    /** An object's links on the sites the organization has linked. */
    public List<TicketLink> forObject(String organizationId, String objectType, String objectId) {
        return links.findForObject(organizationId, objectType, objectId);
    }

    /** Removes a link on one of the organization's sites; another organization's link is as absent as a missing one. */
    @Transactional
    public Optional<TicketLink> unlinkForOrganization(String organizationId, long linkId) {
        Optional<TicketLink> found = links.findForOrganization(linkId, organizationId);
        found.ifPresent(this::remove);
        return found;
    }

    /** One of the organization's links; another organization's is as absent as a missing one. */
    public Optional<TicketLink> findForOrganization(String organizationId, long linkId) {
        return links.findForOrganization(linkId, organizationId);
    }

    private void remove(TicketLink link) {
        links.delete(link);
        events.publishEvent(new IssueLinksChanged(link.clientKey(), link.issueId()));
        changes.removed(link);
    }

    public List<TicketLink> forIssue(String clientKey, String issueId) {
        return links.findByClientKeyAndIssueIdOrderByCreatedAt(clientKey, issueId);
    }

    public Optional<TicketLink> find(String clientKey, long linkId) {
        return links.findByIdAndClientKey(linkId, clientKey);
    }

    private Optional<TicketLink> find(String clientKey, String issueId, LinkedObject object) {
        return forIssue(clientKey, issueId).stream()
                .filter(link -> link.object().type().equals(object.type()) && link.object().id().equals(object.id()))
                .findFirst();
    }

    /** Sets the product's state of an object on its links on the organization's sites; answers how many. */
    @Transactional
    public int objectStateChanged(String organizationId, String objectType, String objectId, String state) {
        return links.setObjectState(organizationId, objectType, objectId, state);
    }
}
