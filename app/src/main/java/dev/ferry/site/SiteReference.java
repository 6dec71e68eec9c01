package dev.ferry.site;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the installed site an admin means by what they typed: its clientKey, its cloudId (the "site ID"
 * Atlassian shows) or its URL, in any case, with or without scheme, path or trailing slash.
 */
@Component
class SiteReference {

    private final SiteRepository sites;

    SiteReference(SiteRepository sites) {
        this.sites = sites;
    }

    Optional<Site> installed(String reference) {
        String text = reference.strip();
        return sites.findById(text).filter(Site::isInstalled)
                .or(() -> sites.findInstalledByCloudId(text).stream().findFirst())
                .or(() -> origin(text).flatMap(url -> sites.findInstalledByUrl(url).stream().findFirst()));
    }

    /** {@code https://Name.atlassian.net/jira/} becomes {@code https://name.atlassian.net}. */
    static Optional<String> origin(String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return Optional.empty();
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            return Optional.of((uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
