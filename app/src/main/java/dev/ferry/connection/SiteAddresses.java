package dev.ferry.connection;

import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.CloudSiteUrl;
import dev.ferry.url.InvalidSiteUrlException;
import dev.ferry.url.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The URLs an admin types for a connection, read and passed through the one outbound-address guard before
 * anything is called or stored; a refusal names the field.
 */
@Component
class SiteAddresses {

    private final OutboundGuard guard;

    SiteAddresses(OutboundGuard guard) {
        this.guard = guard;
    }

    /** A site URL reduced to the site, and the note saying so when something was dropped. */
    record Site(URI url, String note) {
    }

    Site jiraSite(String pointer, String typed) {
        try {
            CloudSiteUrl site = guard.siteUrl(typed);
            return new Site(site.site(), site.note());
        } catch (InvalidSiteUrlException | BlockedAddressException refused) {
            throw new InvalidBody(List.of(new BodyError(pointer, refused.getMessage())));
        }
    }

    /** Confluence's URL keeps its path ({@code https://acme.atlassian.net/wiki}), without a trailing slash. */
    URI confluence(String pointer, String typed) {
        try {
            URI uri = new URI(typed.strip().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidBody(List.of(new BodyError(pointer, "a Confluence URL looks like "
                        + FailureWords.SITE_FORM + "/wiki")));
            }
            guard.check(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidBody(List.of(new BodyError(pointer, "a Confluence URL looks like " + FailureWords.SITE_FORM
                    + "/wiki")));
        } catch (BlockedAddressException refused) {
            throw new InvalidBody(List.of(new BodyError(pointer, refused.getMessage())));
        }
    }
}
