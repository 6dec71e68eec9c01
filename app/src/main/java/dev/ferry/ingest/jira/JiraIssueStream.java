package dev.ferry.ingest.jira;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.jira.JiraActivityReads.ChangeEntry;
import dev.ferry.jira.JiraActivityReads.ChangeItem;
import dev.ferry.jira.JiraActivityReads.Comment;
import dev.ferry.jira.JiraActivityReads.Issue;
import dev.ferry.jira.JiraSite;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code jira-issues}: issues updated in the window, a page of them per read, ordered by updated time and id,
 * with ONE bulk changelog fetch for the page and the comments the search carries (an issue's comment list is read
 * only when it has more than the search showed). Creations, each changed field, resolutions and comments added or
 * edited in the window become activities (a scheduled run's window already starts {@code ferry.ingest.overlap}
 * before its checkpoint, for Jira's clock skew and late indexing).
 *
 * <p>The cursor is the last issue's updated time and id, not Jira's nextPageToken: a token does not outlive a
 * restart hours later, and paging by offset skips an issue that moves to the end while a client pages. Each read
 * searches again from the cursor's minute (JQL dates have minutes) and skips what it already read.
 */
@Component
class JiraIssueStream implements ActivityStream {

    static final String NAME = "jira-issues";
    static final int PAGE_SIZE = 100;
    /** Token pages followed within one read when a page holds only issues read already (many in one minute). */
    private static final int MAX_HOPS = 50;
    private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JiraActivityReads reads;
    /** Jira reads JQL dates in the searching account's zone: asked once per connection (and node). */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    JiraIssueStream(JiraActivityReads reads) {
        this.reads = reads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActivitySource source() {
        return ActivitySource.JIRA;
    }

    @Override
    public StreamPage read(IngestTarget target, TimeWindow window, String cursor) {
        JiraSite site = target.jira();
        Position after = Position.parse(cursor);
        Instant from = window.from();
        ZoneId zone = zones.computeIfAbsent(target.connectionId(), any -> reads.timeZone(site));
        String jql = jql(after == null ? from : after.updated(), window.to(), zone);
        JiraActivityReads.SearchPage page = reads.search(site, jql, PAGE_SIZE, null);
        List<Issue> fresh = after(page.issues(), after);
        for (int hop = 0; fresh.isEmpty() && page.nextPageToken() != null && hop < MAX_HOPS; hop++) {
            page = reads.search(site, jql, PAGE_SIZE, page.nextPageToken());
            fresh = after(page.issues(), after);
        }
        if (fresh.isEmpty()) {
            return new StreamPage(List.of(), null, window.to());
        }
        List<Activity> activities = activities(site, fresh, window);
        Issue last = fresh.get(fresh.size() - 1);
        String next = page.nextPageToken() == null ? null : new Position(last.updated(), Long.parseLong(last.id())).text();
        return new StreamPage(activities, next, last.updated());
    }

    /**
     * {@code updated >= "<minute>" AND updated < "<next minute of to>" ORDER BY updated ASC, id ASC}, the minutes
     * written in the zone Jira reads them in.
     */
    static String jql(Instant from, Instant to, ZoneId zone) {
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        if (end.isBefore(to)) {
            end = end.plus(Duration.ofMinutes(1));
        }
        return "updated >= \"" + JQL_TIME.format(from.atZone(zone)) + "\" AND updated < \"" + JQL_TIME.format(end.atZone(zone))
                + "\" ORDER BY updated ASC, id ASC";
    }

    private static List<Issue> after(List<Issue> issues, Position after) {
        if (after == null) {
            return issues;
        }
        List<Issue> fresh = new ArrayList<>(issues.size());
        for (Issue issue : issues) {
            int order = issue.updated().compareTo(after.updated());
            if (order > 0 || order == 0 && Long.parseLong(issue.id()) > after.id()) {
                fresh.add(issue);
            }
        }
        return fresh;
    }

    private List<Activity> activities(JiraSite site, List<Issue> issues, TimeWindow window) {
        Map<String, JiraActivities.Subject> subjects = new HashMap<>();
        Map<String, Issue> byId = new HashMap<>();
        List<Activity> activities = new ArrayList<>();
        for (Issue issue : issues) {
            JiraActivities.Subject subject = JiraActivities.Subject.on(site.baseUrl(), issue.id(), issue.key(),
                    issue.projectKey(), issue.summary());
            subjects.put(issue.id(), subject);
            byId.put(issue.id(), issue);
            if (issue.created() != null && window.contains(issue.created())) {
                activities.add(JiraActivities.created(subject, id(issue.reporter()), name(issue.reporter()), issue.created()));
            }
            List<Comment> comments = issue.comments();
            if (issue.commentTotal() > comments.size()) {
                comments = allComments(site, issue);
            }
            for (Comment comment : comments) {
                comments(activities, subject, comment, window);
            }
        }
        Map<String, ChangeEntry> lastStatusChange = new HashMap<>();
        List<ChangeEntry> entries = changelogs(site, new ArrayList<>(subjects.keySet()));
        for (ChangeEntry entry : entries) {
            if (entry.items().stream().anyMatch(item -> "status".equals(item.field()))) {
                lastStatusChange.put(entry.issueId(), entry);
            }
        }
        for (ChangeEntry entry : entries) {
            JiraActivities.Subject subject = subjects.get(entry.issueId());
            if (subject == null || entry.created() == null || !window.contains(entry.created())) {
                continue;
            }
            changes(activities, subject, entry, byId.get(entry.issueId()).done() && lastStatusChange.get(entry.issueId()) == entry);
        }
        return activities;
    }

    /**
     * Each item of the entry, and its resolution: a resolution set, or (for a workflow without resolutions) the
     * status moved by the issue's latest status change into a status it is still in and that is done.
     */
    static void changes(List<Activity> activities, JiraActivities.Subject subject, ChangeEntry entry, boolean intoDone) {
        String actor = id(entry.author());
        String name = name(entry.author());
        String resolution = null;
        boolean statusChanged = false;
        List<ChangeItem> items = entry.items();
        for (int i = 0; i < items.size(); i++) {
            ChangeItem item = items.get(i);
            activities.add(JiraActivities.fieldChanged(subject, entry.id(), i, item.field(), item.fromText(), item.toText(),
                    actor, name, entry.created()));
            if ("resolution".equals(item.field()) && (item.to() != null || item.toText() != null)) {
                resolution = item.toText();
            }
            statusChanged |= "status".equals(item.field());
        }
        if (resolution != null || statusChanged && intoDone) {
            activities.add(JiraActivities.resolved(subject, entry.id(), resolution, actor, name, entry.created()));
        }
    }

    private static void comments(List<Activity> activities, JiraActivities.Subject subject, Comment comment, TimeWindow window) {
        if (comment.created() != null && window.contains(comment.created())) {
            activities.add(JiraActivities.commentAdded(subject, comment.id(), id(comment.author()), name(comment.author()),
                    comment.created()));
        }
        if (comment.updated() != null && !comment.updated().equals(comment.created()) && window.contains(comment.updated())) {
            JiraActivityReads.Person editor = comment.updateAuthor() != null ? comment.updateAuthor() : comment.author();
            activities.add(JiraActivities.commentEdited(subject, comment.id(), id(editor), name(editor), comment.updated()));
        }
    }

    private List<Comment> allComments(JiraSite site, Issue issue) {
        List<Comment> all = new ArrayList<>(issue.commentTotal());
        JiraActivityReads.CommentPage page;
        do {
            page = reads.comments(site, issue.id(), all.size(), 100);
            all.addAll(page.comments());
        } while (!page.comments().isEmpty() && all.size() < page.total());
        return all;
    }

    private List<ChangeEntry> changelogs(JiraSite site, List<String> issueIds) {
        List<ChangeEntry> entries = new ArrayList<>();
        String token = null;
        do {
            JiraActivityReads.ChangelogPage page = reads.changelogs(site, issueIds, JiraActivityReads.MAX_CHANGELOG_RESULTS, token);
            entries.addAll(page.entries());
            token = page.nextPageToken();
        } while (token != null);
        return entries;
    }

    static String id(JiraActivityReads.Person person) {
        return person == null ? null : person.accountId();
    }

    static String name(JiraActivityReads.Person person) {
        return person == null ? null : person.displayName();
    }

    /** Where the last read ended: the last issue's updated time (epoch ms) and id, as {@code 1767225600000:10042}. */
    record Position(Instant updated, long id) {

        static Position parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            int colon = cursor.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a jira-issues cursor: " + cursor);
            }
            return new Position(Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, colon))),
                    Long.parseLong(cursor.substring(colon + 1)));
        }

        String text() {
            return updated.toEpochMilli() + ":" + id;
        }
    }
}
