package dev.ferry.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A Jira Cloud site URL as a person typed it, reduced to the site: {@code https://acme.atlassian.net/browse/X-1}
 * becomes {@code https://acme.atlassian.net}, since people paste whatever page of Jira they have open.
 *
 * @param site {@code scheme://host[:port]}, host lower-case, no path, default port left out
 * @param note what was dropped, for the person to read ("reduced to …"), or null when the text was the site
 */
public record CloudSiteUrl(URI site, String note) {

    private static final String EXPECTED = "write it as " + OutboundGuard.EXPECTED;

    /**
     * Reads {@code typed}; http is accepted only where {@code httpAllowed} says so (hosts the operator listed).
     * Does not judge the host: that is {@link OutboundGuard#check}'s job.
     */
    static CloudSiteUrl parse(String typed, Predicate<URI> httpAllowed) {
        URI uri = absolute(typed == null ? "" : typed.trim());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSiteUrlException("A site URL carries no user name or password: " + EXPECTED);
        }
        if (scheme.equals("http") && !httpAllowed.test(uri)) {
            throw new InvalidSiteUrlException("Jira Cloud answers over https only: " + EXPECTED);
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        URI site = URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
        boolean onlySite = (uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")) && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        return new CloudSiteUrl(site, onlySite ? null : "Ferry keeps only the site: reduced to " + site);
    }

    private static URI absolute(String text) {
        if (text.isEmpty()) {
            throw new InvalidSiteUrlException("Enter your Jira site's URL: " + EXPECTED);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, like any other text that is not a site URL
        }
        throw new InvalidSiteUrlException("That is not a Jira site URL: " + EXPECTED);
    }
}
