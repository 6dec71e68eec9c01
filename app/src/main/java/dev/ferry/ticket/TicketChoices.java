package dev.ferry.ticket;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.TokenConnection;
import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraFieldChoices;
import dev.ferry.jira.JiraProject;
import dev.ferry.jira.JiraRefusals;
import dev.ferry.jira.JiraSite;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * What the site offers for a ticket filed by hand, asked from Jira for the caller's own linked sites:
 * projects, a project's issue types, the priorities an issue type's create screen allows and the users
 * assignable in a project.
 */
@Service
public class TicketChoices {

    /** Most assignees one search answers, whatever the caller asks for. */
    static final int MAX_ASSIGNEES = 50;

    private final SiteLinks siteLinks;
    private final SiteDirectory sites;
    private final ConnectionStore connections;
    private final JiraClient jira;
    private final JiraFieldChoices fields;

    TicketChoices(SiteLinks siteLinks, SiteDirectory sites, ConnectionStore connections, JiraClient jira,
            JiraFieldChoices fields) {
        this.siteLinks = siteLinks;
        this.sites = sites;
        this.connections = connections;
        this.jira = jira;
        this.fields = fields;
    }

    /** A user Jira says may be assigned issues in the project. */
    public record Assignee(String accountId, String displayName) {
    }

    /** The connection's default project, if it has one (an app install has none). */
    public Optional<String> defaultProject(Caller caller, String site) {
        site(caller, site);
        return connections.find(site).map(TokenConnection::defaultProject).filter(key -> !key.isBlank());
    }

    public List<JiraProject> projects(Caller caller, String site) {
        JiraSite jiraSite = site(caller, site);
        return ask(() -> jira.projects(jiraSite), "for its projects", null);
    }

    public List<IssueType> issueTypes(Caller caller, String site, String project) {
        JiraSite jiraSite = site(caller, site);
        return ask(() -> jira.issueTypes(jiraSite, project), "for the issue types of " + project,
                Refusal.notFound("Jira has no project " + project + " the connection can file issues in"));
    }

    /**
     * The names of the priorities a new issue of the type (id or name) may have in the project, in the scheme's
     * order; empty when its create screen has no Priority field, so a ticket there may not name one.
     */
    public Optional<List<String>> priorities(Caller caller, String site, String project, String issueType) {
        IssueType type = SiteChecks.issueType(issueTypes(caller, site, project), issueType).orElseThrow(() ->
                Refusal.notFound("project " + project + " has no issue type " + issueType));
        JiraSite jiraSite = site(caller, site);
        return ask(() -> fields.priorities(jiraSite, project, type.id()),
                "for the priorities of " + project + " " + type.name(), null);
    }

    /** Up to {@code max} users assignable in the project whose name or email starts with the query. */
    public List<Assignee> assignees(Caller caller, String site, String project, String query, int max) {
        JiraSite jiraSite = site(caller, site);
        int limit = Math.max(1, Math.min(max, MAX_ASSIGNEES));
        return ask(() -> fields.assignable(jiraSite, project, query, limit), "for the assignable users of " + project,
                Refusal.notFound("Jira has no project " + project + " the connection can see")).stream()
                .filter(account -> account.accountId() != null).limit(limit)
                .map(account -> new Assignee(account.accountId(), account.displayName())).toList();
    }

    /**
     * The caller's linked site, ready to call: another organization's site is as absent as a missing one
     * (404), a linked site Ferry can no longer call is a conflict.
     */
    JiraSite site(Caller caller, String site) {
        if (site == null || site.isBlank()
                || !siteLinks.organizationOf(site).map(caller.organizationId()::equals).orElse(false)) {
            throw Refusal.notFound("no site " + site + " is linked to this organization");
        }
        return sites.callable(site).orElseThrow(() -> Refusal.conflict("Ferry cannot call the site " + site
                + " any more (the app was uninstalled or the connection removed)"));
    }

    private static <T> T ask(Supplier<T> call, String asking, Refusal notFound) {
        try {
            return call.get();
        } catch (JiraException e) {
            throw JiraRefusals.problem(e, notFound == null ? JiraRefusals.refused(e, asking) : notFound, asking);
        }
    }
}
