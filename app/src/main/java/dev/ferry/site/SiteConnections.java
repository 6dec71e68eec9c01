package dev.ferry.site;

import dev.ferry.admin.ApiCaller;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.web.ApiProblem;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links installed sites to the calling organization and unlinks them, each change audited. */
@Service
class SiteConnections {

    private static final Logger log = LoggerFactory.getLogger(SiteConnections.class);

    private final SiteReference reference;
    private final SiteLinkRepository links;
    private final LinkedSites linked;
    private final AuditLog audit;
    private final Clock clock;

    SiteConnections(SiteReference reference, SiteLinkRepository links, LinkedSites linked, AuditLog audit, Clock clock) {
        this.reference = reference;
        this.links = links;
        this.linked = linked;
        this.audit = audit;
        this.clock = clock;
    }

    /** A site already linked to the caller is answered as it is; one linked elsewhere is refused (409). */
    @Transactional
    Connected connect(ApiCaller caller, String siteReference) {
        if (siteReference == null || siteReference.isBlank()) {
            throw ApiProblem.badRequest("site must be the site's URL, its site ID (cloudId) or its clientKey");
        }
        Site site = reference.installed(siteReference).orElseThrow(() -> ApiProblem.notFound("Ferry is not installed on "
                + siteReference.strip() + "; install the app on that Jira site first, then connect it"));
        Optional<SiteLink> existing = links.findById(site.clientKey());
        if (existing.isPresent()) {
            if (!existing.get().belongsTo(caller.organizationId())) {
                throw ApiProblem.conflict("the site " + site.installation().baseUrl() + " is linked to another organization");
            }
            return new Connected(view(caller, site.clientKey()), false);
        }
        save(SiteLink.link(site, caller.organizationId(), caller.actor(), clock.instant()));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.SITE_CONNECTED, site.clientKey(),
                site.installation().baseUrl());
        log.info("site {} linked to organization {} by {}", site.clientKey(), caller.organizationId(), caller.actor());
        return new Connected(view(caller, site.clientKey()), true);
    }

    /** Another organization's site is answered as unknown, so clientKeys of other tenants reveal nothing. */
    @Transactional
    void disconnect(ApiCaller caller, String clientKey) {
        SiteLink link = links.findById(clientKey).filter(l -> l.belongsTo(caller.organizationId()))
                .orElseThrow(() -> ApiProblem.notFound("no site " + clientKey + " is linked to this organization"));
        links.delete(link);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.SITE_DISCONNECTED, clientKey, null);
        log.info("site {} unlinked from organization {} by {}", clientKey, caller.organizationId(), caller.actor());
    }

    /** Two organizations linking one site at once: the primary key lets one win; the other hears 409. */
    private void save(SiteLink link) {
        try {
            links.save(link);
        } catch (DbActionExecutionException | DataIntegrityViolationException e) {
            throw ApiProblem.conflict("the site " + link.getId() + " was just linked to an organization");
        }
    }

    private LinkedSite view(ApiCaller caller, String clientKey) {
        return linked.find(caller.organizationId(), clientKey).orElseThrow();
    }

    record Connected(LinkedSite site, boolean created) {
    }
}
