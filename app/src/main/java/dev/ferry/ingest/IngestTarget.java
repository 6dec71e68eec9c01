package dev.ferry.ingest;

import dev.ferry.jira.JiraSite;
import java.util.Optional;

/**
 * A connection as the streams read it: Jira over the connection's credentials, and Confluence when the
 * connection has it (an API-token connection; an OAuth grant with a Confluence scope; never an app install).
 *
 * @param connectionId the site_link key: an install's clientKey or a token/OAuth connection's id
 * @param siteKey      the site's host and path ({@link JiraSite#budgetKey()}), shared by every connection to it
 */
public record IngestTarget(String organizationId, String connectionId, String siteKey, JiraSite jira,
        Optional<JiraSite> confluence) {

    public IngestTarget(String organizationId, String connectionId, JiraSite jira, Optional<JiraSite> confluence) {
        this(organizationId, connectionId, jira.budgetKey(), jira, confluence);
    }
}
