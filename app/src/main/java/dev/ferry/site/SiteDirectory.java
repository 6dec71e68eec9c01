package dev.ferry.site;

import dev.ferry.jira.JiraSite;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other capabilities may know of a site: whether it is installed, and how to call it. */
@Component
public class SiteDirectory {

    private final SiteRepository sites;
    private final SiteSecrets secrets;

    SiteDirectory(SiteRepository sites, SiteSecrets secrets) {
        this.sites = sites;
        this.secrets = secrets;
    }

    /** The site as a Jira client target, while it has Ferry installed. */
    public Optional<JiraSite> callable(String clientKey) {
        return sites.findById(clientKey).filter(Site::isInstalled).map(site -> new JiraSite(clientKey,
                URI.create(site.installation().baseUrl()), secrets.find(clientKey).orElseThrow().sharedSecret()));
    }
}
