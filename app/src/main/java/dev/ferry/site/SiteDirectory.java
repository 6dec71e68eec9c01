package dev.ferry.site;

import dev.ferry.connect.ConnectTenant;
import dev.ferry.jira.JiraSite;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What other capabilities may know of a site: whether it is installed, and how to call it, whichever way the
 * organization reaches it (the app install, an API token, an OAuth grant).
 */
@Component
public class SiteDirectory {

    private final SiteSecrets secrets;
    private final ObjectProvider<OtherConnections> others;

    SiteDirectory(SiteSecrets secrets, ObjectProvider<OtherConnections> others) {
        this.secrets = secrets;
        this.others = others;
    }

    /**
     * The site as a Jira client target: while it has Ferry installed, or over the API-token or OAuth connection
     * linked under that key. Workers ask before every call, so an install is read from the same short-lived
     * tenant the Connect gate keeps, not the whole site record.
     */
    public Optional<JiraSite> callable(String clientKey) {
        // A connection knows its own keys without reading anything, so an install's key costs no extra query
        // and a connection's key no site lookup.
        OtherConnections connections = others.getIfAvailable();
        Optional<JiraSite> connection = connections == null ? Optional.empty() : connections.callable(clientKey);
        if (connection.isPresent()) {
            return connection;
        }
        return secrets.find(clientKey).filter(ConnectTenant::installed)
                .map(tenant -> new JiraSite(clientKey, URI.create(tenant.baseUrl()), tenant.sharedSecret()));
    }
}
