package dev.ferry.sitelink;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.Site;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links a site to an organization once its request is confirmed, and unlinks it; each change audited. */
@Service
public class SiteConnections {

    private static final Logger log = LoggerFactory.getLogger(SiteConnections.class);

    private final SiteLinkRepository links;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SiteConnections(SiteLinkRepository links, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The link a confirmed request asked for; the requester is the one recorded as having connected it. */
    void link(SiteLinkRequest request, Site site, String confirmation) {
        save(SiteLink.link(site, request.organizationId(), request.requestedBy(), clock.instant()));
        audit.record(request.organizationId(), request.requestedBy(), AuditAction.SITE_CONNECTED, site.clientKey(),
                site.installation().baseUrl() + " (" + confirmation + ")");
        log.info("site {} linked to organization {} (request {}, {})", site.clientKey(), request.organizationId(),
                request.id(), confirmation);
    }

    /**
     * Another organization's site is answered as unknown, so clientKeys of other tenants reveal nothing. The
     * deliveries still open for the site end in the same transaction ({@link SiteDisconnected}).
     */
    @Transactional
    public void disconnect(String organizationId, String actor, String clientKey) {
        unlink(organizationId, clientKey);
        audit.record(organizationId, actor, AuditAction.SITE_DISCONNECTED, clientKey, null);
        log.info("site {} unlinked from organization {} by {}", clientKey, organizationId, actor);
    }

    /**
     * Removes the link and ends the deliveries still open for it, in the caller's transaction, without an
     * audit record of its own: for a connection being deleted, which records that itself.
     */
    public void unlink(String organizationId, String clientKey) {
        SiteLink link = links.findById(clientKey).filter(l -> l.belongsTo(organizationId))
                .orElseThrow(() -> Refusal.notFound("no site " + clientKey + " is linked to this organization"));
        links.delete(link);
        events.publishEvent(new SiteDisconnected(organizationId, clientKey));
    }

    /** Two organizations' requests confirmed at once: the primary key lets one win; the other hears 409. */
    private void save(SiteLink link) {
        try {
            links.save(link);
        } catch (DbActionExecutionException | DataIntegrityViolationException e) {
            throw Refusal.conflict("the site " + link.getId() + " was just linked to an organization");
        }
    }
}
