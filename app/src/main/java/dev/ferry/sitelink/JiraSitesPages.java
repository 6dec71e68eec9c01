package dev.ferry.sitelink;

import dev.ferry.connect.Fingerprint;
import dev.ferry.console.Shown;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Prepares the Jira sites page of an organization from its links and open requests. */
@Component
class JiraSitesPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final LinkedSites linked;
    private final LinkRequests requests;

    JiraSitesPages(LinkedSites linked, LinkRequests requests) {
        this.linked = linked;
        this.requests = requests;
    }

    JiraSitesPage page(String organizationId, boolean canManage, String entered, String error) {
        List<LinkedSite> sites = linked.installs(organizationId);
        List<LinkRequestView> open = requests.open(organizationId);
        List<JiraSitesPage.RequestRow> rows = Stream.concat(open.stream().map(JiraSitesPages::row),
                declinedRows(organizationId, open)).toList();
        return new JiraSitesPage(canManage, entered, error, rows, sites.stream().map(JiraSitesPages::card).toList(),
                !open.isEmpty(), fingerprint(sites, open));
    }

    /** Declined requests, unless the organization has asked for the same site again since. */
    private Stream<JiraSitesPage.RequestRow> declinedRows(String organizationId, List<LinkRequestView> open) {
        return requests.declined(organizationId, open).stream()
                .map(request -> new JiraSitesPage.RequestRow(request.id(), request.site(), request.siteUrl(), "DECLINED",
                        false, true, "", "", "", null, null, null, when(request.declinedAt())));
    }

    /** Changes when a request moves on or a link comes, goes or changes state; not on every webhook. */
    String fingerprint(String organizationId) {
        return fingerprint(linked.installs(organizationId), requests.open(organizationId));
    }

    private static String fingerprint(List<LinkedSite> sites, List<LinkRequestView> open) {
        return Fingerprint.of(Stream.concat(
                sites.stream().map(site -> site.clientKey() + ":" + site.state() + ":" + site.credentials().state()),
                open.stream().map(request -> request.id() + ":" + request.state())).collect(Collectors.joining("|")))
                .substring(0, 16);
    }

    private static JiraSitesPage.RequestRow row(LinkRequestView request) {
        return new JiraSitesPage.RequestRow(request.id(), request.site(), request.siteUrl(), request.state(),
                "AWAITING_INSTALL".equals(request.state()), false, when(request.requestedAt()), request.requestedBy(),
                when(request.expiresAt()), request.descriptorUrl(), request.forgeInstallLink(), request.configurePageUrl(),
                null);
    }

    private static JiraSitesPage.SiteCard card(LinkedSite site) {
        String url = site.displayUrl() != null && !site.displayUrl().isBlank() ? site.displayUrl() : site.baseUrl();
        boolean rejected = "rejected".equals(site.credentials().state());
        return new JiraSitesPage.SiteCard(site.clientKey(), url, label(site.state()), "uninstalled".equals(site.state()),
                when(site.installedAt()), when(site.lastInstalledAt()),
                site.lastWebhookAt() == null ? "none received recently" : when(site.lastWebhookAt()),
                when(site.linkedAt()), Shown.who(site.linkedBy()), rejected, site.credentials().message(),
                when(site.credentials().rejectedAt()));
    }

    private static String label(String state) {
        return switch (state) {
            case "installed" -> "Installed";
            case "enabled" -> "Installed and enabled";
            case "disabled" -> "Installed, disabled in Jira";
            default -> "Uninstalled from Jira";
        };
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
