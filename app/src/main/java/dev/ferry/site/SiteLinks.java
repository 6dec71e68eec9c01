package dev.ferry.site;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Which organization a site works for, and whether Jira still accepts its credentials (contract; pending). */
@Service
public class SiteLinks {

    public Optional<String> organizationOf(String clientKey) {
        throw new UnsupportedOperationException("pending");
    }

    /** Jira answered 401 for this site: its deliveries wait until it is installed again. */
    public void credentialsRejected(String clientKey, String jiraMessage) {
        throw new UnsupportedOperationException("pending");
    }

    /** False while the credentials are rejected and the site has not been re-installed since. */
    public boolean credentialsUsable(String clientKey) {
        throw new UnsupportedOperationException("pending");
    }
}
