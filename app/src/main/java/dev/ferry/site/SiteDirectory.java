package dev.ferry.site;

import dev.ferry.connect.ConnectTenant;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What other capabilities may know of a site: whether it is installed, and how to call it, whichever way the
 * organization reaches it (the app install through Connect or Forge, an API token, an OAuth grant).
 */
@Component
public class SiteDirectory {

    private final SiteSecrets secrets;
    private final ObjectProvider<OtherConnections> others;
    private final ObjectProvider<ForgeReach> forge;
    private final Clock clock;

    SiteDirectory(SiteSecrets secrets, ObjectProvider<OtherConnections> others, ObjectProvider<ForgeReach> forge,
            Clock clock) {
        this.secrets = secrets;
        this.others = others;
        this.forge = forge;
        this.clock = clock;
    }

    /**
     * The site as a Jira client target: over the API-token or OAuth connection linked under that key, or while it
     * has Ferry installed. A live Forge installation is called with its app system token while that token stays
     * valid, else with the Connect shared secret when the site also has a Connect install; a Forge-only site without
     * a valid token is handed out all the same, its calls failing as unavailable until Forge brings a fresh token.
     * Workers ask before every call, so both installs are read from short-lived in-memory views, not the records.
     */
    public Optional<JiraSite> callable(String clientKey) {
        // A connection knows its own keys without reading anything, so an install's key costs no extra query
        // and a connection's key no site lookup.
        OtherConnections connections = others.getIfAvailable();
        Optional<JiraSite> connection = connections == null ? Optional.empty() : connections.callable(clientKey);
        if (connection.isPresent()) {
            return connection;
        }
        Optional<ConnectTenant> install = secrets.find(clientKey).filter(ConnectTenant::installed);
        String secret = install.map(ConnectTenant::sharedSecret).orElse(null);
        ForgeReach reach = forge.getIfAvailable();
        Optional<ForgeReach.Live> live = reach == null ? Optional.empty() : reach.live(clientKey);
        if (live.isPresent()) {
            String token = live.get().usableToken(clock.instant());
            if (token != null || secret == null) {
                return Optional.of(new JiraSite(clientKey, live.get().siteUrl(), live.get().apiBaseUrl(),
                        new JiraAuth.ForgeSystem(token, secret)));
            }
        }
        return secret == null ? Optional.empty()
                : install.map(tenant -> new JiraSite(clientKey, URI.create(tenant.baseUrl()), secret));
    }
}
