package dev.ferry.panel;

import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.forge.ForgeCall;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.Site;
import dev.ferry.site.SiteRepository;
import dev.ferry.sitelink.JiraAdminRequests;
import dev.ferry.sitelink.JiraAdminRequests.PendingForUser;
import dev.ferry.sitelink.SiteLinks;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Forge admin page's remote calls: what Ferry knows of the site, the organizations asking to link it (shown to
 * a Jira administrator only, each with a fresh one-time code), and their confirmation or refusal, decided by the
 * same {@link JiraAdminRequests} as the Connect configure page: Jira is asked every time whether the Forge
 * Invocation Token's user administers the site.
 */
@RestController
class ForgeConfigureController {

    private final SiteRepository sites;
    private final SiteLinks siteLinks;
    private final OrganizationDirectory organizations;
    private final JiraAdminRequests requests;

    ForgeConfigureController(SiteRepository sites, SiteLinks siteLinks, OrganizationDirectory organizations,
            JiraAdminRequests requests) {
        this.sites = sites;
        this.siteLinks = siteLinks;
        this.organizations = organizations;
        this.requests = requests;
    }

    @GetMapping("/forge/ui/configure")
    Configure configure(ForgeCall call) {
        PanelViewer viewer = ForgeViewers.of(call);
        Site site = sites.findById(viewer.siteKey())
                .orElseThrow(() -> Refusal.conflict("Ferry does not know this site yet; try again in a moment"));
        String linked = siteLinks.organizationOf(site.clientKey()).flatMap(organizations::name).orElse(null);
        PendingForUser pending = requests.forJiraUser(site.clientKey(), viewer.accountId());
        return new Configure(new SiteView(site.installation().publicUrl(), site.installation().cloudId(), linked),
                pending.viewer().name(), pending.requests().stream().map(request -> new Request(request.id(),
                        request.organizationName(), request.requestedBy(), request.requestedAt(), request.code(),
                        request.codeExpiresAt())).toList());
    }

    @PostMapping("/forge/ui/configure/requests/{id}/confirm")
    Outcome confirm(ForgeCall call, @PathVariable long id) {
        PanelViewer viewer = ForgeViewers.of(call);
        String organization = requests.confirmAsJiraAdmin(viewer.siteKey(), viewer.accountId(), id);
        return new Outcome("LINKED", "This site is now linked to " + organization + ".");
    }

    @PostMapping("/forge/ui/configure/requests/{id}/decline")
    Outcome decline(ForgeCall call, @PathVariable long id) {
        PanelViewer viewer = ForgeViewers.of(call);
        String organization = requests.declineAsJiraAdmin(viewer.siteKey(), viewer.accountId(), id);
        return new Outcome("DECLINED", "You declined the request from " + organization + ". Nothing was linked, and "
                + organization + " sees that you declined.");
    }

    /**
     * The admin page's data.
     *
     * @param viewer   {@code NOTHING_PENDING}, {@code ADMIN}, {@code NOT_ADMIN} or {@code UNKNOWN} (Jira did not say)
     * @param requests pending link requests; listed to a Jira administrator only
     */
    record Configure(SiteView site, String viewer, List<Request> requests) {
    }

    /** @param linkedOrganization the name of the Ferry organization the site is linked to, or null */
    record SiteView(String url, String cloudId, String linkedOrganization) {
    }

    /** One organization asking to link the site, with the one-time code its admin compares with Ferry's console. */
    record Request(long id, String organization, String requestedBy, Instant requestedAt, String code,
            Instant codeExpiresAt) {
    }

    /** What a button did. */
    record Outcome(String outcome, String message) {
    }
}
