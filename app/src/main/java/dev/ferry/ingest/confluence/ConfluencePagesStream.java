package dev.ferry.ingest.confluence;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.NaturalKeys;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.ConfluenceContent;
import dev.ferry.jira.ConfluenceReads;
import dev.ferry.jira.JiraSite;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Pages created (version 1) and updated (each later version) in the window. Read from the v2 page listing sorted by
 * {@code -modified-date}, 250 a call, walked back to the window's start, rather than CQL by {@code lastmodified}:
 * CQL answers fewer results a call and needs expansions for the version's number and author, which the v2 listing
 * carries already, so an incremental run costs one listing call and a backfill one per 250 pages. Only pages that
 * may have several versions in the window cost a history call ({@link Versions}).
 */
@Component
class ConfluencePagesStream implements ActivityStream {

    static final String NAME = "confluence-pages";

    private final ConfluenceReads reads;
    private final ConfluenceSpaces spaces;
    private final int pageSize;

    @Autowired
    ConfluencePagesStream(ConfluenceReads reads, ConfluenceSpaces spaces) {
        this(reads, spaces, ConfluenceReads.MAX_PAGE);
    }

    /** With listing pages smaller than Confluence's largest, for tests that need many pages of a small site. */
    ConfluencePagesStream(ConfluenceReads reads, ConfluenceSpaces spaces, int pageSize) {
        this.reads = reads;
        this.spaces = spaces;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActivitySource source() {
        return ActivitySource.CONFLUENCE;
    }

    @Override
    public StreamPage read(IngestTarget target, TimeWindow window, String cursor) {
        JiraSite confluence = ConfluenceTargets.of(target);
        WalkCursor at = cursor == null ? WalkCursor.start("p") : WalkCursor.decode(cursor);
        NewestFirstWalk.Step step = NewestFirstWalk.step(at, window,
                after -> reads.pagesNewestFirst(confluence, after, pageSize));
        String base = ConfluenceTargets.base(step.base(), confluence);
        List<Activity> activities = new ArrayList<>();
        for (ConfluenceContent page : step.items()) {
            List<ConfluenceContent.Version> versions = Versions.inWindow(page, window,
                    () -> reads.pageVersions(confluence, page.id(), window.from()));
            if (!versions.isEmpty()) {
                String space = spaces.key(confluence, page.spaceId());
                String url = ConfluenceTargets.url(base, page.webui());
                versions.forEach(version -> activities.add(activity(page, version, space, url)));
            }
        }
        return new StreamPage(activities, step.next() == null ? null : step.next().encode(), step.reached());
    }

    private static Activity activity(ConfluenceContent page, ConfluenceContent.Version version, String space, String url) {
        return new Activity(NaturalKeys.pageVersion(page.id(), version.number()),
                version.number() == 1 ? ActivityKind.PAGE_CREATED : ActivityKind.PAGE_UPDATED, version.authorId(), null,
                version.createdAt(), "page", page.id(), null, space, page.title(),
                ConfluenceTargets.detail(version.number(), "message", version.message()), url);
    }
}
