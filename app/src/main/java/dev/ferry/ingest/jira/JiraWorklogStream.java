package dev.ferry.ingest.jira;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.jira.JiraActivityReads.Worklog;
import dev.ferry.jira.JiraActivityReads.WorklogChange;
import dev.ferry.jira.JiraActivityReads.WorklogChanges;
import dev.ferry.jira.JiraSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code jira-worklogs}: worklogs changed in the window from Jira's change feed ({@code worklog/updated?since=},
 * then {@code worklog/list} for the page's ids and one search {@code id in (...)} for their issues' keys),
 * then the deleted ones ({@code worklog/deleted?since=}). The cursor is the phase and the feed's {@code since}
 * (epoch ms), which stays valid however long a run pauses: {@code u:1767225600000}, {@code d:1767225600000}.
 */
@Component
class JiraWorklogStream implements ActivityStream {

    static final String NAME = "jira-worklogs";

    private final JiraActivityReads reads;

    JiraWorklogStream(JiraActivityReads reads) {
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
        long start = window.from().toEpochMilli();
        boolean deleted = cursor != null && cursor.startsWith("d:");
        long since = cursor == null ? start : Long.parseLong(cursor.substring(2));
        long end = window.to().toEpochMilli();
        JiraSite site = target.jira();
        WorklogChanges changes = deleted ? reads.deletedWorklogs(site, since) : reads.updatedWorklogs(site, since);
        List<WorklogChange> inWindow = new ArrayList<>(changes.values().size());
        boolean pastEnd = false;
        for (WorklogChange change : changes.values()) {
            if (change.updatedTime() < end) {
                inWindow.add(change);
            } else {
                pastEnd = true;
            }
        }
        List<Activity> activities = deleted ? deletedActivities(inWindow) : updatedActivities(site, inWindow);
        boolean phaseDone = pastEnd || changes.lastPage() || changes.nextSince() == null;
        String next;
        if (!phaseDone) {
            next = (deleted ? "d:" : "u:") + changes.nextSince();
        } else {
            next = deleted ? null : "d:" + start;
        }
        Instant reached = inWindow.isEmpty() ? null : Instant.ofEpochMilli(inWindow.get(inWindow.size() - 1).updatedTime());
        return new StreamPage(activities, next, reached);
    }

    private List<Activity> updatedActivities(JiraSite site, List<WorklogChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Worklog> worklogs = new ArrayList<>(changes.size());
        for (int from = 0; from < changes.size(); from += JiraActivityReads.MAX_WORKLOG_IDS) {
            List<String> ids = changes.subList(from, Math.min(changes.size(), from + JiraActivityReads.MAX_WORKLOG_IDS))
                    .stream().map(WorklogChange::worklogId).toList();
            worklogs.addAll(reads.worklogs(site, ids));
        }
        Set<String> issueIds = new LinkedHashSet<>();
        worklogs.forEach(worklog -> issueIds.add(worklog.issueId()));
        Map<String, String> keys = reads.issueKeys(site, issueIds);
        List<Activity> activities = new ArrayList<>(worklogs.size());
        for (Worklog worklog : worklogs) {
            String key = keys.get(worklog.issueId());
            // The project is the key's prefix; the summary is left out, which saves reading the issues in pages of 100.
            JiraActivities.Subject subject = key == null ? null : JiraActivities.Subject.on(site.baseUrl(),
                    worklog.issueId(), key, key.substring(0, Math.max(0, key.lastIndexOf('-'))), null);
            boolean added = worklog.updated().equals(worklog.created());
            JiraActivityReads.Person actor = added || worklog.updateAuthor() == null ? worklog.author() : worklog.updateAuthor();
            activities.add(JiraActivities.worklog(subject, worklog.id(), added, worklog.timeSpentSeconds(),
                    worklog.started(), JiraIssueStream.id(actor), JiraIssueStream.name(actor), worklog.updated()));
        }
        return activities;
    }

    /** Jira says only which worklog and when: no author, no issue. */
    private static List<Activity> deletedActivities(List<WorklogChange> changes) {
        List<Activity> activities = new ArrayList<>(changes.size());
        changes.forEach(change -> activities.add(JiraActivities.worklogDeleted(change.worklogId(), null, null, null,
                Instant.ofEpochMilli(change.updatedTime()))));
        return activities;
    }
}
