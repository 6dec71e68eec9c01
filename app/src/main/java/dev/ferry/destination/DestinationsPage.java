package dev.ferry.destination;

import dev.ferry.console.Shown;
import dev.ferry.jira.JiraProject;
import dev.ferry.sitelink.LinkedSite;
import java.util.List;

/**
 * The destinations page: what stops tickets, the destinations, and (for Admins and Managers) adding one
 * in two steps, site first, then one of the projects Jira lists for it.
 *
 * @param projects empty until a site is chosen
 */
public record DestinationsPage(List<Banners.Banner> banners, List<Row> destinations, boolean empty, boolean canManage,
        List<SiteOption> sites, boolean noSites, String chosenSite, String chosenSiteLabel, List<ProjectOption> projects,
        boolean chooseProject, String error) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    public DestinationsPage {
        error = Shown.sentence(error);
    }

    /** One destination. */
    record Row(String id, String site, String projectKey, String state, boolean active, long enabledRules,
            String updated) {

        static Row of(Destination destination, String site, boolean siteLinked) {
            DestinationState state = destination.shownState(siteLinked);
            return new Row(destination.id(), site, destination.projectKey(), label(state),
                    state == DestinationState.ACTIVE, destination.rules().values().stream().filter(Rule::enabled).count(),
                    Shown.time(destination.updatedAt()));
        }

        static String label(DestinationState state) {
            return switch (state) {
                case ACTIVE -> "Active";
                case REPAIR -> "Needs repair";
                case REFRESH_ISSUE_TYPES -> "Issue types to refresh";
                case SITE_NOT_LINKED -> "Site not linked";
                case DELETED -> "Deleted";
            };
        }
    }

    /** A linked site to pick. */
    public record SiteOption(String clientKey, String label, boolean selected) {
    }

    /** A project Jira listed. */
    record ProjectOption(String key, String label) {

        static ProjectOption of(JiraProject project) {
            return new ProjectOption(project.key(), project.key() + " · " + project.name());
        }
    }

    /** What a page calls a destination's site once it is unlinked: its clientKey would mean nothing to a person. */
    public static final String UNLINKED_SITE = "a site no longer linked";

    public static String siteLabel(LinkedSite site) {
        return site.displayUrl() == null || site.displayUrl().isBlank() ? site.baseUrl() : site.displayUrl();
    }
}
