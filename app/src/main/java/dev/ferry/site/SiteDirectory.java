package dev.ferry.site;

import dev.ferry.connect.ConnectTenant;
import dev.ferry.jira.JiraSite;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other capabilities may know of a site: whether it is installed, and how to call it. */
@Component
public class SiteDirectory {

    private final SiteSecrets secrets;

    SiteDirectory(SiteSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * The site as a Jira client target, while it has Ferry installed. Workers ask before every call, so
     * this reads the same short-lived tenant the Connect gate keeps, not the whole site record.
     */
    public Optional<JiraSite> callable(String clientKey) {
        return secrets.find(clientKey).filter(ConnectTenant::installed)
                .map(tenant -> new JiraSite(clientKey, URI.create(tenant.baseUrl()), tenant.sharedSecret()));
    }
}
