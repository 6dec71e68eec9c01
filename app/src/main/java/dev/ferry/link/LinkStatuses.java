package dev.ferry.link;

import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Judges links' statuses for one listing, asking about each site once however many of its links are shown. */
@Component
class LinkStatuses {

    private final SiteDirectory sites;
    private final SiteLinks siteLinks;

    LinkStatuses(SiteDirectory sites, SiteLinks siteLinks) {
        this.sites = sites;
        this.siteLinks = siteLinks;
    }

    /** A judge for one listing; it remembers what it learned of each site. */
    Function<TicketLink, LinkStatus> forListing() {
        Map<String, boolean[]> health = new HashMap<>();
        return link -> {
            boolean[] site = health.computeIfAbsent(link.clientKey(), key -> new boolean[] {
                sites.callable(key).isPresent(), siteLinks.credentialsUsable(key)});
            return LinkStatus.of(link, site[0], site[1]);
        };
    }
}
