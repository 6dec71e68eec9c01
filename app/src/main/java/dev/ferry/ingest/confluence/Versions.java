package dev.ferry.ingest.confluence;

import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.ConfluenceContent;
import dev.ferry.jira.ConfluenceContent.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Which versions of a page or comment were made in the window, fetching the history only when it must. */
final class Versions {

    private Versions() {
    }

    /**
     * The listing shows the current version, and a page its creation too; versions in between are only known from
     * the history call. So: version 1 alone, or a page's versions 1 and 2, cost nothing more; anything else that
     * changed in the window costs one history call (Confluence has no bulk version endpoint).
     */
    static List<Version> inWindow(ConfluenceContent item, TimeWindow window, Supplier<List<Version>> history) {
        Version current = item.version();
        Version first = item.first();
        if (first != null && !first.createdAt().isBefore(window.to())) {
            return List.of();
        }
        if (current.number() == 1 || current.number() == 2 && first != null) {
            List<Version> known = new ArrayList<>(2);
            if (current.number() == 2 && window.contains(first.createdAt())) {
                known.add(first);
            }
            if (window.contains(current.createdAt())) {
                known.add(current);
            }
            return known;
        }
        return history.get().stream().filter(version -> window.contains(version.createdAt())).toList();
    }
}
