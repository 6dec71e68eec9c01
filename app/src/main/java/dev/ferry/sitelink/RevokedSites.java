package dev.ferry.sitelink;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.site.SiteUninstalled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the organization a linked site works for that Jira took the app away. The link stays, so a
 * re-install resumes the site's work without connecting it again.
 */
@Component
class RevokedSites {

    static final String JIRA = "jira";

    private final SiteLinkRepository links;
    private final AuditLog audit;

    RevokedSites(SiteLinkRepository links, AuditLog audit) {
        this.links = links;
        this.audit = audit;
    }

    @EventListener
    void on(SiteUninstalled event) {
        links.findById(event.clientKey()).ifPresent(link -> audit.record(link.organizationId(), JIRA,
                AuditAction.SITE_REVOKED, event.clientKey(), "Jira uninstalled Ferry from " + event.baseUrl()));
    }
}
