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
public class SiteReference {

    private final SiteRepository sites;

    SiteReference(SiteRepository sites) {
        this.sites = sites;
    }

    /** The site however it stands now, installed first; an uninstalled site keeps its record and link. */
    public Optional<Site> known(String reference) {
        String text = reference.strip();
        Optional<Site> byClientKey = sites.findById(text);
        return byClientKey.filter(Site::isInstalled)
                .or(() -> sites.findInstalledByCloudId(text).stream().findFirst())
                .or(() -> origin(text).flatMap(url -> sites.findInstalledByUrl(url).stream().findFirst()))
                .or(() -> byClientKey)
                .or(() -> sites.findByCloudId(text).stream().findFirst())
                .or(() -> siteUrl(text).flatMap(url -> sites.findByUrl(url).stream().findFirst()));
    }

    /** The origin of what looks like a site address (a host with a dot in it), for sites Ferry has not seen. */
    public static Optional<String> siteUrl(String text) {
        return origin(text.strip()).filter(url -> URI.create(url).getHost().contains("."));
    }

    /** A cloudId is a UUID; anything else typed that is no URL names no site Ferry could wait for. */
    public static Optional<String> cloudId(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        return trimmed.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? Optional.of(trimmed)
                : Optional.empty();
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
