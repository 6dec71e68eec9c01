package dev.ferry.sitelink;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.Site;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock;

    SiteConnections(SiteLinkRepository links, AuditLog audit, Clock clock) {
        this.links = links;
        this.audit = audit;
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

    /** Another organization's site is answered as unknown, so clientKeys of other tenants reveal nothing. */
    @Transactional
    public void disconnect(String organizationId, String actor, String clientKey) {
        SiteLink link = links.findById(clientKey).filter(l -> l.belongsTo(organizationId))
                .orElseThrow(() -> Refusal.notFound("no site " + clientKey + " is linked to this organization"));
        links.delete(link);
        audit.record(organizationId, actor, AuditAction.SITE_DISCONNECTED, clientKey, null);
        log.info("site {} unlinked from organization {} by {}", clientKey, organizationId, actor);
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
