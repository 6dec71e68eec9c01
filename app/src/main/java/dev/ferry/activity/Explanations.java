package dev.ferry.activity;

import dev.ferry.activity.Explanation.Cause;
import dev.ferry.activity.Explanation.Facts;
import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.ConnectionTargets;
import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.Connections;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.jira.JiraVisibility;
import dev.ferry.site.SiteDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "No data after fetch", explained: per connection, whether anyone is mapped on it, whether any activity of the
 * range is stored (and when the connection was last read), and whether its account can see any project or space
 * at all (asked of Jira and Confluence now, one cheap call each).
 */
@Component
class Explanations {

    private final ActivityFilters filters;
    private final MappedPeople people;
    private final Connections connections;
    private final ConnectionStore store;
    private final ConnectionTargets targets;
    private final SiteDirectory sites;
    private final JiraVisibility visibility;
    private final JiraClient jira;
    private final LastReads lastReads;
    private final NamedParameterJdbcTemplate jdbc;

    Explanations(ActivityFilters filters, MappedPeople people, Connections connections, ConnectionStore store,
            ConnectionTargets targets, SiteDirectory sites, JiraVisibility visibility, JiraClient jira,
            LastReads lastReads, JdbcTemplate jdbc) {
        this.filters = filters;
        this.people = people;
        this.connections = connections;
        this.store = store;
        this.targets = targets;
        this.sites = sites;
        this.visibility = visibility;
        this.jira = jira;
        this.lastReads = lastReads;
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    Explanation explain(String organizationId, ActivityParams params) {
        ActivityFilter f = filters.parse(organizationId, new ActivityParams(params.person(), params.connection(), null,
                null, params.from(), params.to(), null, null));
        List<ConnectionView> views = connections.of(organizationId).stream()
                .filter(c -> f.connection() == null || c.id().equals(f.connection())).toList();
        List<Cause> causes = new ArrayList<>();
        if (views.isEmpty()) {
            causes.add(new Cause("no_connection", null, "The organization has no connection to Jira: connect a site "
                    + "(Connections), then fetch the range."));
        }
        if (people.mapped(organizationId, null) == 0) {
            causes.add(new Cause("no_people_mapped", null, "Nobody of the organization is mapped to an Atlassian account:"
                    + " add people with their accountId or email (People), and their activity shows at once."));
        }
        List<Facts> facts = views.stream().map(c -> facts(f, c, causes)).toList();
        return new Explanation(f.connection(), f.from(), f.to(), !causes.isEmpty(), List.copyOf(causes), facts);
    }

    private Facts facts(ActivityFilter f, ConnectionView c, List<Cause> causes) {
        String site = c.siteUrl();
        long mapped = people.mapped(f.organizationId(), c.id());
        boolean nobodyAtAll = causes.stream().anyMatch(x -> x.cause().equals("no_people_mapped") && x.connection() == null);
        if (mapped == 0 && !nobodyAtAll) {
            causes.add(new Cause("no_people_mapped", c.id(), "Nobody is mapped to an account on " + site
                    + ": map people's accounts on this connection (People)."));
        }
        if (f.person() != null && f.person().identities().stream().noneMatch(i -> i.connectionId().equals(c.id()))) {
            causes.add(new Cause("person_not_mapped", c.id(), f.person().name() + " has no account mapped on " + site
                    + ": add their accountId or email on this connection (People)."));
        }
        boolean stored = anyStored(f, c.id());
        Optional<Instant> lastRead = lastReads.scheduled(c.id());
        String lastFetch = lastReads.lastJob(c.id()).orElse(null);
        if (!stored) {
            causes.add(new Cause("no_activity_in_range", c.id(), "Ferry holds no activity of " + site + range(f) + ". "
                    + lastRead.map(at -> "The schedule last read it at " + at + lastReads.lastError(c.id())
                            .map(e -> ", and failed: " + e).orElse("") + ". ").orElse("The schedule has not read it yet. ")
                    + (lastFetch == null ? "" : "In words: " + lastFetch + ". ")
                    + "Fetch the range (Fetch now on the data source, or POST /api/v1/connections/" + c.id() + "/fetch)."));
        }
        String account = c.account() == null ? null : c.account().displayName();
        Integer projects = ask(c, causes, "Jira", () -> sites.callable(c.id()).map(visibility::browsableProjects));
        if (projects != null && projects == 0) {
            causes.add(new Cause("no_projects_visible", c.id(), (account == null ? "The app" : "The account " + account)
                    + " can browse no Jira project on " + site + ": a Jira administrator grants it Browse projects in "
                    + "the projects' permission schemes, then fetch the range again."));
        }
        Integer spaces = ask(c, causes, "Confluence", () -> confluence(c).map(jira::confluenceSpaces));
        if (spaces != null && spaces == 0) {
            causes.add(new Cause("no_spaces_visible", c.id(), (account == null ? "The account" : "The account " + account)
                    + " can see no Confluence space on " + site + ": a Confluence administrator grants it View on the "
                    + "spaces to read, then fetch the range again."));
        }
        return new Facts(c.id(), site, account, mapped, stored, lastRead.orElse(null), lastFetch, projects, spaces);
    }

    /** Confluence of an API-token connection (its own URL and token, or the Jira ones); installs have none here. */
    private Optional<JiraSite> confluence(ConnectionView c) {
        if (!ConnectionKind.API_TOKEN.value().equals(c.kind())) {
            return Optional.empty();
        }
        return store.find(c.id()).flatMap(targets::confluence);
    }

    /** Jira's answer, or null with the reason recorded when it could not be asked. */
    private static Integer ask(ConnectionView c, List<Cause> causes, String product, Supplier<Optional<Integer>> call) {
        try {
            return call.get().orElse(null);
        } catch (JiraException e) {
            causes.add(new Cause("visibility_unknown", c.id(), "Ferry could not ask " + product + " what the account of "
                    + c.siteUrl() + " can see: " + e.getMessage() + "."));
            return null;
        }
    }

    private boolean anyStored(ActivityFilter f, String connectionId) {
        ActivityFilter one = new ActivityFilter(f.organizationId(), null, connectionId, null, null, f.from(), f.to(),
                false, null);
        ActivityWhere where = ActivityWhere.of(one);
        return !jdbc.queryForList("select a.id from activity a" + where.sql() + " fetch first 1 rows only",
                where.params(), Long.class).isEmpty();
    }

    private static String range(ActivityFilter f) {
        return (f.from() == null ? "" : " from " + f.from()) + (f.to() == null ? "" : " until " + f.to());
    }
}
