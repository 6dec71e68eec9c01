package dev.ferry.jira;

import java.net.URI;
import java.util.Locale;

/**
 * A site Ferry can call, over whichever connection: where the site is, where its REST API is reached and
 * how calls prove who makes them.
 *
 * @param clientKey the key the site is linked under: an install's clientKey, or a connection's id
 * @param baseUrl   the site's own URL ({@code https://name.atlassian.net}): links a person follows
 * @param apiBase   where REST paths go: the site URL, or {@code https://api.atlassian.com/ex/jira/{cloudId}}
 * @param auth      how each call is authenticated
 */
public record JiraSite(String clientKey, URI baseUrl, URI apiBase, JiraAuth auth) {

    /** An installed app's site: calls go to the site itself, signed with its shared secret. */
    public JiraSite(String clientKey, URI baseUrl, String sharedSecret) {
        this(clientKey, baseUrl, baseUrl, new JiraAuth.ConnectApp(sharedSecret));
    }

    /**
     * The key of the site's one request budget. It names the site, not the connection, so an install and any
     * number of token or OAuth connections to one site share one budget, as Jira counts them.
     */
    public String budgetKey() {
        String authority = baseUrl.getRawAuthority() == null ? "" : baseUrl.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        return authority + path;
    }

    /**
     * The installed app's shared secret, which signs Connect context tokens; only a Connect app install has one
     * (called through Forge or not).
     */
    public String sharedSecret() {
        if (auth instanceof JiraAuth.ConnectApp app) {
            return app.sharedSecret();
        }
        if (auth instanceof JiraAuth.ForgeSystem forge && forge.connectSecret() != null) {
            return forge.connectSecret();
        }
        throw new IllegalStateException(clientKey + " is not an app install: it has no shared secret");
    }

    @Override
    public String toString() {
        return "JiraSite[" + clientKey + ", " + baseUrl + "]";
    }
}
