package dev.ferry.site;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The live Forge installation a site is reached through, by the site's key. The Forge capability answers; the site
 * directory only asks, so {@code site} knows nothing of Forge and the capabilities that call Jira nothing of either.
 */
public interface ForgeReach {

    /** The live installation serving the site; empty when none does. Asked before every Jira call: keep it cheap. */
    Optional<Live> live(String siteKey);

    /**
     * A live Forge installation of a site.
     *
     * @param siteUrl        the site's own URL (the token's {@code context.siteUrl})
     * @param apiBaseUrl     where its REST calls go ({@code app.apiBaseUrl})
     * @param systemToken    the app system token Forge last handed over; null when none is held
     * @param tokenExpiresAt when that token expires; null with no token
     */
    record Live(URI siteUrl, URI apiBaseUrl, String systemToken, Instant tokenExpiresAt) {

        /** A call (with its retries) needs the token for a while: one about to expire is not handed out. */
        static final Duration MARGIN = Duration.ofMinutes(1);

        /** The token, while it stays valid for at least {@link #MARGIN} more; else null. */
        String usableToken(Instant now) {
            return systemToken != null && tokenExpiresAt != null && tokenExpiresAt.isAfter(now.plus(MARGIN))
                    ? systemToken : null;
        }

        @Override
        public String toString() {
            return "Live[" + siteUrl + ", token " + (systemToken == null ? "none" : "hidden until " + tokenExpiresAt) + "]";
        }
    }
}
