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
import dev.ferry.sitelink.LinkRequestState;
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
import org.springframework.http.HttpStatus;
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

    /** @param message what the last button did, or null */
    ResponseEntity<String> render(ConnectPrincipal principal, Message message) {
        Site site = sites.findById(principal.clientKey()).orElseThrow();
        PendingForUser pending = requests.forJiraUser(site.clientKey(), principal.accountId());
        return ResponseEntity.status(HttpStatus.OK)
                .headers(IframeHeaders.forSite(site.installation().baseUrl(), connect.allJsScript()))
                .contentType(MediaType.TEXT_HTML)
                .body(pages.render("configure", view(site, principal, pending, message == null ? Message.NONE : message)));
    }

    /**
     * Where a post sends the browser. It carries a fresh context token (the page it leads to is a GET that
     * Jira did not sign) and the outcome's name only: the words are looked up again on the way back.
     */
    String doneUrl(ConnectPrincipal principal, ConfigureOutcome outcome, long requestId) {
        Site site = sites.findById(principal.clientKey()).orElseThrow();
        return ferry.baseUrlText() + "/configure/done?outcome=" + outcome.name() + "&request=" + requestId + "&jwt="
                + contextToken(site, principal);
    }

    /** What to say about an outcome; a success is told only if the request really is in that state now. */
    Message outcome(ConnectPrincipal principal, ConfigureOutcome outcome, long requestId) {
        return switch (outcome) {
            case LINKED -> Message.notice(requests.organizationOf(principal.clientKey(), requestId,
                    LinkRequestState.CONFIRMED).map(name -> "This site is now linked to " + name + ".").orElse(null));
            case DECLINED -> Message.notice(requests.organizationOf(principal.clientKey(), requestId,
                    LinkRequestState.DECLINED).map(name -> "You declined the request from " + name
                            + ". Nothing was linked, and " + name + " sees that you declined.").orElse(null));
            default -> Message.error(outcome.refusal());
        };
    }

    private ConfigurePage view(Site site, ConnectPrincipal principal, PendingForUser pending, Message message) {
        String token = pending.requests().isEmpty() ? null : contextToken(site, principal);
        Set<String> shared = sharedNames(pending.requests());
        String actions = ferry.baseUrlText() + "/configure/requests/";
        var rows = pending.requests().stream().map(request -> new ConfigurePage.PendingRequest(
                request.organizationName(), request.requestedBy(), WHEN.format(request.requestedAt()), request.code(),
                WHEN.format(request.codeExpiresAt()), actions + request.id() + "/confirm?jwt=" + token,
                actions + request.id() + "/decline?jwt=" + token,
                shared.contains(comparable(request.organizationName())))).toList();
        return new ConfigurePage(site.installation().publicUrl(), site.installation().cloudId(), label(site),
                tone(site), WHEN.format(site.installedAt()), WHEN.format(site.updatedAt()), importedFrom(site),
                connect.allJsScript(), message.notice(), message.error(), rows, pending.viewer() == Viewer.NOT_ADMIN,
                pending.viewer() == Viewer.UNKNOWN, sameNameWarning(rows));
    }

    /** The earlier site a restored site was installed with the address of, by its URL rather than its key. */
    private String importedFrom(Site site) {
        if (site.importOfClientKey() == null) {
            return null;
        }
        return sites.findById(site.importOfClientKey()).map(earlier -> earlier.installation().publicUrl())
                .orElse("an earlier site");
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
                + " \"Asked by\" which request is theirs, confirm only that one and decline the others.";
    }

    /** One token for the page: every Confirm button acts for the same site and viewer. */
    private String contextToken(Site site, ConnectPrincipal principal) {
        String secret = directory.callable(site.clientKey()).orElseThrow().sharedSecret();
        return tokens.contextToken(site.clientKey(), secret, principal.accountId().orElseThrow(),
                linking.pageTokenLifetime());
    }

    /**
     * Only a site that works is shown in green: one installed but not enabled yet waits for Jira, and a
     * disabled one for an administrator.
     */
    private static String tone(Site site) {
        return switch (site.state()) {
            case ENABLED -> "success";
            case INSTALLED -> "waiting";
            case DISABLED -> "warning";
            case UNINSTALLED -> "removed";
        };
    }

    private static String label(Site site) {
        return switch (site.state()) {
            case INSTALLED -> "Installed";
            case ENABLED -> "Installed and enabled";
            case DISABLED -> "Installed, disabled";
            case UNINSTALLED -> "Uninstalled";
        };
    }

    /** What the last button did: a notice, or why it was refused. */
    record Message(String notice, String error) {

        static final Message NONE = new Message(null, null);

        static Message notice(String text) {
            return new Message(text, null);
        }

        static Message error(String text) {
            return new Message(null, text);
        }
    }
}
