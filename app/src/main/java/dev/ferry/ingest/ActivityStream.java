package dev.ferry.ingest;

/**
 * One kind of activity a connection is read for, page by page. A stream holds no state of its own: the engine
 * keeps the cursor (in the job, so a crash resumes at the page it was on) and commits each page's activities
 * with the cursor that follows them. Streams are Spring beans; the engine finds them all.
 */
public interface ActivityStream {

    /** The stream's name in the API, the checkpoints and the jobs: {@code jira-issues}, {@code confluence-pages}... */
    String name();

    ActivitySource source();

    /**
     * Reads the page after {@code cursor} of what happened in {@code window}: a bounded number of Jira calls and
     * activities, never the whole window at once. Jira's failures are thrown as {@code JiraException}; a 429 has
     * been waited out by the client as far as it may, and the engine decides what a failure does to the run.
     *
     * @param cursor the previous page's {@link StreamPage#nextCursor()}; null for the window's first page
     */
    StreamPage read(IngestTarget target, TimeWindow window, String cursor);
}
