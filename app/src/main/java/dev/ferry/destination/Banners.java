package dev.ferry.destination;

import dev.ferry.sitelink.LinkedSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What stops an organization's tickets, each with the action that fixes it: Jira rejecting the app's
 * credentials for a site (reconnect), destinations on a site the organization disconnected (link it again),
 * a destination Jira refused (repair), an issue type Jira no longer takes (refresh issue types). Jira's own
 * words stay visible. Made from the sites and destinations the page has already read, so a page asks the
 * database once for each.
 */
public final class Banners {

    private Banners() {
    }

    /**
     * One banner.
     *
     * @param kind        {@code credentials}, {@code site-not-linked}, {@code repair} or {@code issue-types}
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
        Set<String> linked = sites.stream().map(LinkedSite::clientKey).collect(Collectors.toSet());
        destinations.stream().filter(destination -> !linked.contains(destination.clientKey()))
                .collect(Collectors.groupingBy(Destination::clientKey, LinkedHashMap::new, Collectors.toList()))
                .values().forEach(unlinked -> banners.add(siteNotLinked(unlinked)));
        destinations.stream().filter(destination -> linked.contains(destination.clientKey()) && !destination.isActive())
                .map(Banners::destination).forEach(banners::add);
        return banners;
    }

    /** The banners about one destination: its linked site's credentials and its own state. */
    static List<Banner> about(Optional<LinkedSite> site, Destination destination) {
        List<Banner> banners = new ArrayList<>();
        if (site.isEmpty()) {
            return List.of(siteNotLinked(List.of(destination)));
        }
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

    /**
     * The organization disconnected the site: nothing is queued for it, so nothing waits either. The site is
     * not named: once unlinked only its clientKey is left, which would mean nothing to a person.
     */
    private static Banner siteNotLinked(List<Destination> destinations) {
        String projects = String.join(", ", destinations.stream().map(Destination::projectKey).toList());
        return new Banner("site-not-linked", "Site not linked: a Jira site is no longer linked to your organization,"
                + " so Ferry files no tickets for " + projects + ".", null,
                "Link the site", "/admin/integrations/jira", false,
                "Events for these destinations are skipped (the API's answer names them: \"site not linked\") and "
                        + "are not filed later. Link the site again to resume them, or delete them.");
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
                false, "Check the project in Jira, then save a rule: saving resumes the destination. Project moved or "
                        + "archived: change the destination's project.");
    }
}
