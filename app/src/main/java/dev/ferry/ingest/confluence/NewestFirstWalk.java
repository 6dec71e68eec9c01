package dev.ferry.ingest.confluence;

import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.ConfluenceContent;
import dev.ferry.jira.ConfluenceListing;
import dev.ferry.jira.JiraException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks a Confluence listing sorted by {@code -modified-date} back to the window's start, one listing page a step.
 * Confluence has no "modified since" filter, so the walk stops at the first item older than the window.
 *
 * <p>Something modified while the walk pages moves to the top, ahead of the cursor, and an older version of it that
 * lay in the window would be missed. So after the walk reaches the window's start, a catch-up pass reads the top of
 * the listing again, down to the newest item the previous pass started from, and the streams fetch the versions of
 * what it finds back to the window's start. Passes repeat while something changed during the last one (at most
 * {@link #MAX_CATCH_UP}); what a busier site still changes after that is in the next run's window, whose overlap and
 * the natural keys make reading something twice harmless.
 */
final class NewestFirstWalk {

    static final int MAX_CATCH_UP = 5;

    private NewestFirstWalk() {
    }

    /**
     * The items of one step, the cursor after it (null when the listing is done) and how far back in time it got.
     */
    record Step(List<ConfluenceContent> items, WalkCursor next, Instant reached, String base) {
    }

    static Step step(WalkCursor at, TimeWindow window, Function<String, ConfluenceListing> list) {
        ConfluenceListing listing;
        try {
            listing = list.apply(at.after());
        } catch (JiraException refused) {
            // A cursor Confluence no longer takes: the pass starts again from the top (the store dedupes).
            if (at.after() == null || refused.kind() != JiraException.Kind.INVALID) {
                throw refused;
            }
            at = new WalkCursor(at.listing(), at.pass(), null, at.previousTop(), null);
            listing = list.apply(null);
        }
        List<ConfluenceContent> found = listing.items();
        boolean fromTop = at.after() == null;
        if (at.pass() > 0 && fromTop && (found.isEmpty() || !found.get(0).modifiedAt().isAfter(at.previousTop()))) {
            return new Step(List.of(), null, window.from(), listing.base());
        }
        Instant top = fromTop ? (found.isEmpty() ? null : found.get(0).modifiedAt()) : at.top();
        Instant stopBelow = at.pass() == 0 ? window.from() : at.previousTop();
        List<ConfluenceContent> taken = new ArrayList<>(found.size());
        boolean ended = listing.next() == null;
        for (ConfluenceContent item : found) {
            if (item.modifiedAt().isBefore(stopBelow)) {
                ended = true;
                break;
            }
            taken.add(item);
        }
        WalkCursor next = !ended ? new WalkCursor(at.listing(), at.pass(), top, at.previousTop(), listing.next())
                : top == null || at.pass() >= MAX_CATCH_UP ? null
                : new WalkCursor(at.listing(), at.pass() + 1, null, top, null);
        Instant reached = at.pass() > 0 || taken.isEmpty() || ended ? window.from()
                : latest(window.from(), taken.get(taken.size() - 1).modifiedAt());
        return new Step(taken, next, reached, listing.base());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
