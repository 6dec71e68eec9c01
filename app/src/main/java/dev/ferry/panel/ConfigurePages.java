package dev.ferry.panel;

import dev.ferry.FerryProperties;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.ConnectProperties;
import dev.ferry.connect.PageTokens;
import dev.ferry.site.Site;
import dev.ferry.site.SiteDirectory;
import dev.ferry.site.SiteRepository;
import dev.ferry.sitelink.JiraAdminRequests;
import dev.ferry.sitelink.JiraAdminRequests.PendingForUser;
import dev.ferry.sitelink.JiraAdminRequests.PendingLink;
import dev.ferry.sitelink.JiraAdminRequests.Viewer;
import dev.ferry.sitelink.SiteLinkingProperties;
import dev.ferry.template.Pages;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the configure page for one viewer of one site. */
@Component
class ConfigurePages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SiteRepository sites;
    private final SiteDirectory directory;
    private final JiraAdminRequests requests;
    private final PageTokens tokens;
    private final Pages pages;
    private final ConnectProperties connect;
    private final FerryProperties ferry;
    private final SiteLinkingProperties linking;

    ConfigurePages(SiteRepository sites, SiteDirectory directory, JiraAdminRequests requests, PageTokens tokens,
            Pages pages, ConnectProperties connect, FerryProperties ferry, SiteLinkingProperties linking) {
        this.sites = sites;
        this.directory = directory;
        this.requests = requests;
        this.tokens = tokens;
        this.pages = pages;
        this.connect = connect;
        this.ferry = ferry;
        this.linking = linking;
    }

    ResponseEntity<String> render(ConnectPrincipal principal, HttpStatusCode status, String notice, String error) {
        Site site = sites.findById(principal.clientKey()).orElseThrow();
        PendingForUser pending = requests.forJiraUser(site.clientKey(), principal.accountId());
        return ResponseEntity.status(status).headers(IframeHeaders.forSite(site.installation().baseUrl()))
                .contentType(MediaType.TEXT_HTML).body(pages.render("configure", view(site, principal, pending, notice, error)));
    }

    private ConfigurePage view(Site site, ConnectPrincipal principal, PendingForUser pending, String notice, String error) {
        String token = pending.requests().isEmpty() ? null : contextToken(site, principal);
        Set<String> shared = sharedNames(pending.requests());
        var rows = pending.requests().stream().map(request -> new ConfigurePage.PendingRequest(
                request.organizationName(), request.requestedBy(), WHEN.format(request.requestedAt()), request.code(),
                WHEN.format(request.codeExpiresAt()),
                ferry.baseUrlText() + "/configure/requests/" + request.id() + "/confirm?jwt=" + token,
                shared.contains(comparable(request.organizationName())))).toList();
        return new ConfigurePage(site.installation().publicUrl(), site.clientKey(), label(site),
                WHEN.format(site.installedAt()), WHEN.format(site.updatedAt()), site.importOfClientKey() != null,
                site.importOfClientKey(), connect.allJsScript(), notice, error, rows,
                pending.viewer() == Viewer.NOT_ADMIN, pending.viewer() == Viewer.UNKNOWN, sameNameWarning(rows));
    }

    /**
     * Anyone can give an organization any name, so one may pose as another by name alone: names that differ only
     * in case, width or spacing count as the same.
     */
    private static Set<String> sharedNames(List<PendingLink> requests) {
        Map<String, Long> counts = requests.stream()
                .collect(Collectors.groupingBy(request -> comparable(request.organizationName()), Collectors.counting()));
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String sameNameWarning(List<ConfigurePage.PendingRequest> rows) {
        List<String> names = rows.stream().filter(ConfigurePage.PendingRequest::nameShared)
                .map(ConfigurePage.PendingRequest::organizationName).distinct().toList();
        return names.isEmpty() ? null : "More than one organization asking to link this site is named "
                + String.join(" / ", names) + ". A name proves nothing: before confirming, ask the person shown as"
                + " \"asked by\" which request is theirs, and confirm only that one.";
    }

    /** One token for the page: every Confirm button acts for the same site and viewer. */
    private String contextToken(Site site, ConnectPrincipal principal) {
        String secret = directory.callable(site.clientKey()).orElseThrow().sharedSecret();
        return tokens.contextToken(site.clientKey(), secret, principal.accountId().orElseThrow(),
                linking.pageTokenLifetime());
    }

    private static String label(Site site) {
        return switch (site.state()) {
            case INSTALLED -> "Installed";
            case ENABLED -> "Installed and enabled";
            case DISABLED -> "Installed, disabled";
            case UNINSTALLED -> "Uninstalled";
        };
    }
}
