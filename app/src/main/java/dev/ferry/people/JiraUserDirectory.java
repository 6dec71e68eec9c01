package dev.ferry.people;

import dev.ferry.connection.Connections;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.jira.JiraUsers;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A connection's Jira users as Ferry keeps them in jira_user, so the analytics side can tell active accounts
 * from deactivated ones and people from apps without asking Jira: listed from Jira on demand, read from the
 * table otherwise.
 */
@Component
class JiraUserDirectory {

    private final Connections connections;
    private final SiteDirectory sites;
    private final JiraUsers users;
    private final JiraUserRows rows;
    private final Clock clock;

    JiraUserDirectory(Connections connections, SiteDirectory sites, JiraUsers users, JiraUserRows rows, Clock clock) {
        this.connections = connections;
        this.sites = sites;
        this.users = users;
        this.rows = rows;
        this.clock = clock;
    }

    /** Lists every user from Jira (every page) and stores each page as it comes; answers how many. */
    int refresh(String organizationId, String connection) {
        connections.find(organizationId, connection);
        JiraSite site = sites.callable(connection).orElseThrow(() -> new Refusal(Refusal.Kind.JIRA_REFUSED,
                "Ferry cannot call Jira over connection " + connection + " now (uninstalled, or its credentials were"
                        + " refused): repair it first"));
        int[] listed = {0};
        try {
            users.eachPage(site, page -> {
                rows.upsert(organizationId, connection, page, clock.instant());
                listed[0] += page.size();
            });
        } catch (JiraException e) {
            throw new Refusal(e.kind() == JiraException.Kind.UNAUTHORIZED || e.kind() == JiraException.Kind.DENIED
                    ? Refusal.Kind.JIRA_REFUSED : Refusal.Kind.JIRA_UNAVAILABLE,
                    "Jira did not list its users (" + e.getMessage() + "); " + listed[0] + " were stored before that");
        }
        return listed[0];
    }

    List<JiraUserRows.StoredJiraUser> page(String organizationId, String connection, int limit, int offset) {
        connections.find(organizationId, connection);
        return rows.page(organizationId, connection, limit, offset);
    }
}
