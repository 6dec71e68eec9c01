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
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Page comments made (version 1) and edited (each later version) in the window: the footer comments, then the
 * inline ones, each listing walked newest first back to the window's start like the pages. A comment names only its
 * page, so each listing page costs one more call for the title and space of its pages (up to 250 by id).
 */
@Component
class ConfluenceCommentsStream implements ActivityStream {

    static final String NAME = "confluence-comments";
    private static final String FOOTER = "f";
    private static final String INLINE = "i";

    private final ConfluenceReads reads;
    private final ConfluenceSpaces spaces;
    private final int pageSize;

    @Autowired
    ConfluenceCommentsStream(ConfluenceReads reads, ConfluenceSpaces spaces) {
        this(reads, spaces, ConfluenceReads.MAX_PAGE);
    }

    /** With listing pages smaller than Confluence's largest, for tests that need many pages of a small site. */
    ConfluenceCommentsStream(ConfluenceReads reads, ConfluenceSpaces spaces, int pageSize) {
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
        WalkCursor at = cursor == null ? WalkCursor.start(FOOTER) : WalkCursor.decode(cursor);
        boolean inline = INLINE.equals(at.listing());
        NewestFirstWalk.Step step = NewestFirstWalk.step(at, window,
                after -> reads.commentsNewestFirst(confluence, inline, after, pageSize));
        List<Activity> activities = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (ConfluenceContent comment : step.items()) {
            List<ConfluenceContent.Version> versions = Versions.inWindow(comment, window,
                    () -> reads.commentVersions(confluence, inline, comment.id(), window.from()));
            if (!versions.isEmpty()) {
                pending.add(new Pending(comment, versions));
            }
        }
        if (!pending.isEmpty()) {
            Map<String, ConfluenceContent> pages = reads.pagesById(confluence,
                    pending.stream().map(p -> p.comment.pageId()).toList());
            String base = ConfluenceTargets.base(step.base(), confluence);
            for (Pending p : pending) {
                ConfluenceContent page = pages.get(p.comment.pageId());
                String space = page == null ? null : spaces.key(confluence, page.spaceId());
                String url = ConfluenceTargets.url(base, p.comment.webui());
                p.versions.forEach(version -> activities.add(activity(p.comment, version, inline, page, space, url)));
            }
        }
        String next = step.next() != null ? step.next().encode() : inline ? null : WalkCursor.start(INLINE).encode();
        return new StreamPage(activities, next, step.reached());
    }

    private static Activity activity(ConfluenceContent comment, ConfluenceContent.Version version, boolean inline,
            ConfluenceContent page, String space, String url) {
        return new Activity(NaturalKeys.pageCommentVersion(comment.id(), version.number()),
                version.number() == 1 ? ActivityKind.PAGE_COMMENTED : ActivityKind.PAGE_COMMENT_EDITED,
                version.authorId(), null, version.createdAt(), "page-comment", comment.id(), null, space,
                page == null ? null : page.title(),
                ConfluenceTargets.detail(version.number(), "location", inline ? "inline" : "footer", "pageId",
                        comment.pageId()), url);
    }

    /** A comment with versions in the window, waiting for its page's title and space. */
    private record Pending(ConfluenceContent comment, List<ConfluenceContent.Version> versions) {
    }
}
