package dev.ferry.ingest.confluence;

import dev.ferry.jira.ConfluenceReads;
import dev.ferry.jira.JiraSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The space keys of each Confluence site, by space id: pages and comments name their space by id, people by key.
 * One spaces call per connection serves a whole run (and the next ones for {@link #FRESH}); a space id not known
 * yet (a space made since) refreshes the list, at most once per {@link #RETRY}, never once per page.
 */
@Component
class ConfluenceSpaces {

    static final Duration FRESH = Duration.ofMinutes(15);
    static final Duration RETRY = Duration.ofMinutes(1);

    private final ConfluenceReads reads;
    private final Clock clock;
    private final Map<String, Known> bySite = new ConcurrentHashMap<>();

    ConfluenceSpaces(ConfluenceReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    /** The key of the space, or null when the account cannot see it. */
    String key(JiraSite confluence, String spaceId) {
        if (spaceId == null) {
            return null;
        }
        String site = confluence.clientKey() + " " + confluence.apiBase();
        Instant now = clock.instant();
        Known known = bySite.get(site);
        boolean stale = known == null || known.fetched.plus(FRESH).isBefore(now)
                || !known.keys.containsKey(spaceId) && known.fetched.plus(RETRY).isBefore(now);
        if (stale) {
            known = new Known(Map.copyOf(reads.spaceKeys(confluence)), now);
            bySite.put(site, known);
        }
        return known.keys.get(spaceId);
    }

    private record Known(Map<String, String> keys, Instant fetched) {
    }
}
