package dev.ferry.ingest.jira;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.jira.JiraActivityReads;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.webhook.WebhookEvent;
import dev.ferry.webhook.WebhookProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The live side of Jira ingest for app installs: the issue, comment and worklog webhooks Ferry already stores
 * become activities within seconds, named by the same natural keys as the {@code jira-issues} and
 * {@code jira-worklogs} streams, so a change seen by both is stored once. Stored for the organization the
 * install is linked to; a site linked to none stores nothing and the delivery's outcome says so.
 */
@Component
class JiraActivityWebhooks implements WebhookProcessor {

    private final SiteLinks siteLinks;
    private final SiteDirectory sites;
    private final ActivityStore store;
    private final JiraActivityReads reads;

    JiraActivityWebhooks(SiteLinks siteLinks, SiteDirectory sites, ActivityStore store, JiraActivityReads reads) {
        this.siteLinks = siteLinks;
        this.sites = sites;
        this.store = store;
        this.reads = reads;
    }

    @Override
    public Set<String> events() {
        return Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created",
                "comment_updated", "comment_deleted", "worklog_created", "worklog_updated", "worklog_deleted");
    }

    @Override
    public void process(WebhookEvent event) {
        processAndTell(event);
    }

    @Override
    public String processAndTell(WebhookEvent event) {
        Optional<String> organization = siteLinks.organizationOf(event.clientKey());
        if (organization.isEmpty()) {
            return "no activity stored: the site is linked to no organization";
        }
        Optional<JiraSite> site = sites.callable(event.clientKey());
        if (site.isEmpty()) {
            return "no activity stored: the site is not installed";
        }
        IngestTarget target = new IngestTarget(organization.get(), event.clientKey(), site.get(), Optional.empty());
        List<Activity> activities = activities(site.get(), event);
        int added = store.store(target, activities);
        return "activities: " + added + " new of " + activities.size();
    }

    List<Activity> activities(JiraSite site, WebhookEvent event) {
        JsonNode body = event.body();
        String actor = text(body.path("user").path("accountId"));
        String actorName = text(body.path("user").path("displayName"));
        Instant at = event.timestamp();
        List<Activity> activities = new ArrayList<>();
        String name = event.event();
        if (name.startsWith("worklog_")) {
            worklog(site, name, body.path("worklog"), actor, actorName, at, activities);
            return activities;
        }
        JsonNode issue = body.path("issue");
        if (text(issue.path("id")) == null) {
            return activities;
        }
        JsonNode fields = issue.path("fields");
        JiraActivities.Subject subject = JiraActivities.Subject.on(site.baseUrl(), text(issue.path("id")),
                text(issue.path("key")), text(fields.path("project").path("key")), text(fields.path("summary")));
        switch (name) {
            case "jira:issue_created" -> {
                JsonNode reporter = fields.path("reporter");
                boolean byReporter = text(reporter.path("accountId")) != null;
                Instant created = JiraActivityReads.time(text(fields.path("created")));
                activities.add(JiraActivities.created(subject, byReporter ? text(reporter.path("accountId")) : actor,
                        byReporter ? text(reporter.path("displayName")) : actorName, created == null ? at : created));
            }
            case "jira:issue_updated" -> changed(subject, body, fields, actor, actorName, at, activities);
            case "jira:issue_deleted" -> activities.add(JiraActivities.deleted(subject, actor, actorName, at));
            default -> comment(subject, name, body.path("comment"), actor, actorName, at, activities);
        }
        return activities;
    }

    private static void changed(JiraActivities.Subject subject, JsonNode body, JsonNode fields, String actor,
            String actorName, Instant at, List<Activity> activities) {
        JsonNode changelog = body.path("changelog");
        String id = text(changelog.path("id"));
        if (id == null) {
            return;
        }
        List<JiraActivityReads.ChangeItem> items = new ArrayList<>();
        changelog.path("items").forEach(item -> items.add(new JiraActivityReads.ChangeItem(text(item.path("field")),
                text(item.path("fieldId")), text(item.path("from")), text(item.path("fromString")), text(item.path("to")),
                text(item.path("toString")))));
        boolean done = "done".equals(text(fields.path("status").path("statusCategory").path("key")));
        JiraActivityReads.Person person = actor == null ? null : new JiraActivityReads.Person(actor, actorName);
        JiraIssueStream.changes(activities, subject, new JiraActivityReads.ChangeEntry(subject.issueId(), id, person, at, items),
                done);
    }

    private static void comment(JiraActivities.Subject subject, String event, JsonNode comment, String actor,
            String actorName, Instant at, List<Activity> activities) {
        String id = text(comment.path("id"));
        if (id == null) {
            return;
        }
        switch (event) {
            case "comment_created" -> activities.add(JiraActivities.commentAdded(subject, id,
                    or(text(comment.path("author").path("accountId")), actor),
                    or(text(comment.path("author").path("displayName")), actorName),
                    or(JiraActivityReads.time(text(comment.path("created"))), at)));
            case "comment_updated" -> activities.add(JiraActivities.commentEdited(subject, id,
                    or(text(comment.path("updateAuthor").path("accountId")), actor),
                    or(text(comment.path("updateAuthor").path("displayName")), actorName),
                    or(JiraActivityReads.time(text(comment.path("updated"))), at)));
            case "comment_deleted" -> activities.add(JiraActivities.commentDeleted(subject, id, actor, actorName, at));
            default -> {
            }
        }
    }

    /** A worklog event names its issue by id only: one bulk read gives the key the stream would store. */
    private void worklog(JiraSite site, String event, JsonNode worklog, String actor, String actorName, Instant at,
            List<Activity> activities) {
        String id = text(worklog.path("id"));
        if (id == null) {
            return;
        }
        JiraActivities.Subject subject = subject(site, text(worklog.path("issueId")));
        if (event.equals("worklog_deleted")) {
            activities.add(JiraActivities.worklogDeleted(id, subject, actor, actorName, at));
            return;
        }
        Instant created = JiraActivityReads.time(text(worklog.path("created")));
        Instant updated = or(JiraActivityReads.time(text(worklog.path("updated"))), at);
        boolean added = updated.equals(created);
        JsonNode who = added ? worklog.path("author") : worklog.path("updateAuthor");
        activities.add(JiraActivities.worklog(subject, id, added, worklog.path("timeSpentSeconds").asInt(0),
                JiraActivityReads.time(text(worklog.path("started"))), or(text(who.path("accountId")), actor),
                or(text(who.path("displayName")), actorName), updated));
    }

    private JiraActivities.Subject subject(JiraSite site, String issueId) {
        if (issueId == null) {
            return null;
        }
        try {
            JiraActivityReads.IssueRef ref = reads.issues(site, List.of(issueId)).get(issueId);
            return ref == null ? null
                    : JiraActivities.Subject.on(site.baseUrl(), ref.id(), ref.key(), ref.projectKey(), ref.summary());
        } catch (JiraException unreadable) {
            // The worklog is stored without its issue's key; the stream may fill nothing in later (stored once).
            return null;
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
