package dev.ferry.panel;

import dev.ferry.FerryProperties;
import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.ConnectProperties;
import dev.ferry.connect.PageTokens;
import dev.ferry.jira.JiraSite;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.site.SiteDirectory;
import dev.ferry.template.Pages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The iframes Jira shows in an issue: the glance's panel, the right-hand web panel and the issue
 * content. Each lists the objects linked to that issue, on the token's site only.
 */
@RestController
class IssuePanelController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final TicketLinks links;
    private final SiteDirectory sites;
    private final Pages pages;
    private final ConnectProperties connect;
    private final PageTokens tokens;
    private final PanelProperties properties;
    private final FerryProperties ferry;

    IssuePanelController(TicketLinks links, SiteDirectory sites, Pages pages, ConnectProperties connect,
            PageTokens tokens, PanelProperties properties, FerryProperties ferry) {
        this.links = links;
        this.sites = sites;
        this.pages = pages;
        this.connect = connect;
        this.tokens = tokens;
        this.properties = properties;
        this.ferry = ferry;
    }

    @GetMapping(path = {"/panels/glance", "/panels/issue", "/panels/issue-content"}, produces = MediaType.TEXT_HTML_VALUE)
    @ConnectJwt
    ResponseEntity<String> panel(ConnectPrincipal principal, @RequestParam String issueId,
            @RequestParam(required = false) String issueKey) {
        var views = links.forIssue(principal.clientKey(), issueId).stream().map(IssuePanelController::view).toList();
        String allJs = connect.allJsScript();
        JiraSite site = sites.callable(principal.clientKey()).orElseThrow();
        String token = views.isEmpty() ? null : actionToken(site, principal, issueId, issueKey);
        var page = new IssuePanelPage(issueKey, views, allJs, token, ferry.baseUrlText() + "/panels/api/links/",
                ferry.baseUrlText() + "/iframe/issue-panel.js");
        return ResponseEntity.ok().headers(IframeHeaders.forSite(site.baseUrl().toString(), allJs))
                .contentType(MediaType.TEXT_HTML).body(pages.render("issue-panel", page));
    }

    /**
     * The buttons' token: a context token of this site and viewer, bound to the issue of the page. The
     * issue id is the one Jira put into the iframe URL, which the page token's qsh covers.
     */
    private String actionToken(JiraSite site, ConnectPrincipal principal, String issueId, String issueKey) {
        return principal.accountId().map(accountId -> tokens.issueContextToken(site.clientKey(), site.sharedSecret(),
                accountId, properties.actionTokenLifetime(), issueId, issueKey)).orElse(null);
    }

    private static LinkView view(TicketLink link) {
        return new LinkView(link.id(), link.object().title(), link.object().url(), link.object().type(),
                link.object().state(), origin(link), WHEN.format(link.createdAt()), link.issueDeleted());
    }

    private static String origin(TicketLink link) {
        return switch (link.origin()) {
            case AUTOMATIC -> "Filed automatically";
            case MANUAL -> "Linked by hand";
            case TEST -> "Test ticket";
            case HAND -> "Filed by hand";
        };
    }
}
