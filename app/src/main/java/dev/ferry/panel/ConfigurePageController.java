package dev.ferry.panel;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.ConnectProperties;
import dev.ferry.site.Site;
import dev.ferry.site.SiteRepository;
import dev.ferry.template.Pages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The app's configure page inside Jira: what Ferry knows about this site. */
@RestController
class ConfigurePageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SiteRepository sites;
    private final Pages pages;
    private final ConnectProperties connect;

    ConfigurePageController(SiteRepository sites, Pages pages, ConnectProperties connect) {
        this.sites = sites;
        this.pages = pages;
        this.connect = connect;
    }

    @GetMapping(path = "/configure", produces = MediaType.TEXT_HTML_VALUE)
    @ConnectJwt
    ResponseEntity<String> configure(ConnectPrincipal principal) {
        Site site = sites.findById(principal.clientKey()).orElseThrow();
        return ResponseEntity.ok().headers(IframeHeaders.forSite(site.installation().baseUrl()))
                .contentType(MediaType.TEXT_HTML).body(pages.render("configure", view(site)));
    }

    private ConfigurePage view(Site site) {
        String allJs = connect.allJsScript();
        return new ConfigurePage(site.installation().publicUrl(), site.clientKey(), label(site),
                WHEN.format(site.installedAt()), WHEN.format(site.updatedAt()), site.importOfClientKey() != null,
                site.importOfClientKey(), allJs);
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
