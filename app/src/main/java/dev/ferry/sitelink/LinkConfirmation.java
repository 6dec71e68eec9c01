package dev.ferry.sitelink;

import dev.ferry.refusal.Refusal;
import dev.ferry.site.Site;
import dev.ferry.site.SiteDirectory;
import dev.ferry.site.SiteRepository;
import dev.ferry.siteplan.FreePlanGate;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way a request becomes a link, whoever confirmed it: the site must still have Ferry installed
 * and belong to no other organization; other organizations' open requests for it are closed.
 */
@Component
class LinkConfirmation {

    private static final Logger log = LoggerFactory.getLogger(LinkConfirmation.class);

    private final SiteRepository sites;
    private final SiteLinkRepository links;
    private final SiteLinkRequestRepository requests;
    private final SiteConnections connections;
    private final LinkedSites linked;
    private final SiteDirectory directory;
    private final FreePlanGate freePlan;
    private final Clock clock;

    LinkConfirmation(SiteRepository sites, SiteLinkRepository links, SiteLinkRequestRepository requests,
            SiteConnections connections, LinkedSites linked, SiteDirectory directory, FreePlanGate freePlan,
            Clock clock) {
        this.directory = directory;
        this.freePlan = freePlan;
        this.sites = sites;
        this.links = links;
        this.requests = requests;
        this.connections = connections;
        this.linked = linked;
        this.clock = clock;
    }

    /**
     * Runs inside the caller's transaction.
     *
     * @param how for the audit log: who or what confirmed it
     * @param by  the confirming Jira administrator's accountId, or {@code code}
     */
    LinkedSite confirm(SiteLinkRequest request, String how, String by) {
        Instant now = clock.instant();
        Site site = sites.findById(request.clientKey()).filter(Site::isInstalled)
                .orElseThrow(() -> Refusal.conflict("Ferry is no longer installed on " + request.siteUrl()));
        var link = links.findById(site.clientKey());
        if (link.isPresent() && !link.get().belongsTo(request.organizationId())) {
            request.cancel(now);
            requests.save(request);
            throw Refusal.conflict("the site " + site.installation().publicUrl() + " is linked to another organization");
        }
        if (link.isEmpty()) {
            checkPlan(request.organizationId(), request.requestedBy(), site.clientKey());
        }
        request.confirm(by, now);
        requests.save(request);
        if (link.isEmpty()) {
            connections.link(request, site, how);
        }
        requests.findPendingFor(site.clientKey()).forEach(other -> {
            other.cancel(now);
            requests.save(other);
        });
        return linked.find(request.organizationId(), site.clientKey()).orElseThrow();
    }

    /**
     * Refuses a site on Jira's Free plan the organization does not allow; the request stays open, so turning the
     * setting on and confirming again links it.
     */
    void checkPlan(String organizationId, String actor, String clientKey) {
        directory.callable(clientKey).flatMap(jira -> freePlan.check(organizationId, actor, jira, clientKey))
                .ifPresent(note -> log.info("link of {} for organization {}: {}", clientKey, organizationId, note));
    }
}
