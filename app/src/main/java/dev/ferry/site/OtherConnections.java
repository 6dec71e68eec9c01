package dev.ferry.site;

import dev.ferry.jira.JiraSite;
import java.util.Optional;

/**
 * Sites an organization reaches other than through the app install (an API token, an OAuth grant), by the
 * key they are linked under. The connection capability answers; the site directory only asks, so the
 * capabilities that call Jira need know nothing of connections.
 */
public interface OtherConnections {

    /** The site as a Jira client target, with the connection's credentials; empty when no such connection exists. */
    Optional<JiraSite> callable(String key);
}
