package dev.ferry.destination;

import dev.ferry.sitelink.LinkedSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What stops an organization's tickets, each with the action that fixes it: Jira rejecting the app's
 * credentials for a site (reconnect), a destination Jira refused (repair), an issue type Jira no longer
 * takes (refresh issue types). Jira's own words stay visible. Made from the sites and destinations the
 * page has already read, so a page asks the database once for each.
 */
public final class Banners {

    private Banners() {
    }

    /**
     * One banner.
     *
     * @param kind        {@code credentials}, {@code repair} or {@code issue-types}
     * @param jiraSaid    what Jira answered, or null
     * @param actionPath  where the fixing action goes; {@code post} says it is a form button, not a link
     */
    public record Banner(String kind, String message, String jiraSaid, String actionLabel, String actionPath, boolean post,
            String hint) {
    }

    /** The banners of an organization's linked sites and destinations. */
    public static List<Banner> of(List<LinkedSite> sites, List<Destination> destinations) {
        List<Banner> banners = new ArrayList<>();
        sites.stream().filter(site -> "rejected".equals(site.credentials().state()))
                .map(Banners::credentials).forEach(banners::add);
        destinations.stream().filter(destination -> !destination.isActive()).map(Banners::destination)
                .forEach(banners::add);
        return banners;
    }

    /** The banners about one destination: its linked site's credentials and its own state. */
    static List<Banner> about(Optional<LinkedSite> site, Destination destination) {
        List<Banner> banners = new ArrayList<>();
        site.filter(linked -> "rejected".equals(linked.credentials().state()))
                .map(Banners::credentials).ifPresent(banners::add);
        if (!destination.isActive()) {
            banners.add(destination(destination));
        }
        return banners;
    }

    /** Jira decides the credentials: only a fresh install from Jira's side gives the app a new secret. */
    private static Banner credentials(LinkedSite site) {
        String url = site.displayUrl() == null ? site.baseUrl() : site.displayUrl();
        return new Banner("credentials", "Jira rejected Ferry's credentials for " + url + "; deliveries wait.",
                site.credentials().message(), "Reconnect", url.replaceAll("/+$", "") + "/plugins/servlet/upm", false,
                "A Jira admin reinstalls (or re-enables) Ferry under Apps → Manage apps; waiting deliveries then go out.");
    }

    private static Banner destination(Destination destination) {
        String path = "/admin/destinations/" + destination.id();
        if (destination.state() == DestinationState.REFRESH_ISSUE_TYPES) {
            return new Banner("issue-types", "Jira no longer takes an issue type of destination "
                    + destination.projectKey() + "; its deliveries wait.", destination.stateReason(),
                    "Refresh issue types", path + "/refresh-issue-types", true,
                    "Ferry fetches the project's issue types again and maps the rules by name.");
        }
        return new Banner("repair", "Jira refused destination " + destination.projectKey()
                + " (project gone or permission lost); its deliveries wait.", destination.stateReason(), "Repair", path,
                false, "Check the project in Jira, then save a rule: saving resumes the destination.");
    }
}
