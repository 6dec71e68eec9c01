package dev.ferry.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What one page of a stream found.
 *
 * @param activities what happened in the window on this page; the same activity may come again on a later page
 *                   or run (the store keeps it once)
 * @param nextCursor where the next page starts, opaque to the engine (≤ 2,000 characters); null when the window
 *                   is read to its end
 * @param reached    how far in time the stream has read (for the progress bar); null when it cannot say
 */
public record StreamPage(List<Activity> activities, String nextCursor, Instant reached) {

    public boolean last() {
        return nextCursor == null;
    }
}
