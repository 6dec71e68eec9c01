package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people do on the site behind the app's back, each as a given account at the site clock: comment, edit
 * a comment, log work, transition, edit a field, file or delete an issue. Every change writes what Jira writes
 * (a changelog entry for field changes, a worklog's updated time...) and answers the JSON a webhook carries.
 */
public final class SiteChanges {

    private final JiraData data;
    private final String siteUrl;

    public SiteChanges(JiraData data, String siteUrl) {
        this.data = data;
        this.siteUrl = siteUrl;
    }

    /** Files an issue as the account; answers its key. */
    public String createIssue(String accountId, String projectKey, String summary) {
        synchronized (data) {
            Project project = data.project(projectKey).orElseThrow(() -> new IllegalArgumentException("no project " + projectKey));
            Issue issue = data.newIssue(project, project.issueTypes().get(0), accountId, data.now());
            issue.summary = summary;
            return issue.key;
        }
    }

    /** Adds a comment; answers it as Jira shows it (id, author, body, created, updated). */
    public ObjectNode comment(String accountId, String issueKey, String text) {
        synchronized (data) {
            return newComment(data, issue(issueKey), siteUrl, accountId, paragraph(text), data.now()).deepCopy();
        }
    }

    /** Edits a comment: its body, updateAuthor and updated change, its created does not. */
    public ObjectNode editComment(String accountId, String issueKey, String commentId, String text) {
        synchronized (data) {
            Issue issue = issue(issueKey);
            ObjectNode comment = findComment(issue, commentId);
            comment.set("body", paragraph(text));
            comment.set("updateAuthor", People.user(data, siteUrl, accountId));
            // An edit is always later than the comment it edits, as in Jira; an edit in the same millisecond as its
            // comment would otherwise look unedited (Forge's commented event is told apart by created != updated).
            String updated = Json.time(data.now());
            if (updated.equals(comment.path("created").asText())) {
                updated = Json.time(data.now().plusMillis(1));
            }
            comment.put("updated", updated);
            issue.updated = data.now();
            return comment.deepCopy();
        }
    }

    /** Deletes a comment; answers it as it was. */
    public ObjectNode deleteComment(String accountId, String issueKey, String commentId) {
        synchronized (data) {
            Issue issue = issue(issueKey);
            ObjectNode comment = findComment(issue, commentId);
            issue.comments.remove(comment);
            issue.updated = data.now();
            return comment.deepCopy();
        }
    }

    /** Logs work on the issue; answers the worklog. */
    public ObjectNode addWorklog(String accountId, String issueKey, int timeSpentSeconds, Instant started) {
        synchronized (data) {
            return shown(newWorklog(data, issue(issueKey), siteUrl, accountId, timeSpentSeconds, started, data.now()));
        }
    }

    /** Changes the time spent of a worklog, as the account. */
    public ObjectNode updateWorklog(String accountId, String worklogId, int timeSpentSeconds) {
        synchronized (data) {
            ObjectNode worklog = worklog(worklogId);
            worklog.put("timeSpentSeconds", timeSpentSeconds);
            worklog.put("timeSpent", timeSpent(timeSpentSeconds));
            worklog.set("updateAuthor", People.user(data, siteUrl, accountId));
            worklog.put("updated", Json.time(data.now()));
            worklog.put("updatedMillis", data.now().toEpochMilli());
            return shown(worklog);
        }
    }

    /** Deletes a worklog; worklog/deleted then reports its id. Answers it as it was. */
    public ObjectNode deleteWorklog(String accountId, String worklogId) {
        synchronized (data) {
            ObjectNode worklog = worklog(worklogId);
            data.issue(worklog.path("issueId").asText()).ifPresent(issue -> issue.worklogs.remove(worklog));
            data.worklogDeleted(worklogId, data.now().toEpochMilli());
            return shown(worklog);
        }
    }

    /** Moves the issue to a status ("To Do", "In Progress", "Done"); answers the changelog entry {id, items}. */
    public ObjectNode transition(String accountId, String issueKey, String statusName) {
        synchronized (data) {
            Status target = Arrays.stream(Status.values()).filter(s -> s.statusName.equalsIgnoreCase(statusName))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no status " + statusName));
            return history(Changes.transition(issue(issueKey), data, target, accountId, data.now()));
        }
    }

    /** Edits the summary or the priority; answers the changelog entry {id, items}. */
    public ObjectNode edit(String accountId, String issueKey, String field, String value) {
        synchronized (data) {
            Issue issue = issue(issueKey);
            Changes.Item item;
            switch (field) {
                case "summary" -> {
                    item = new Changes.Item("summary", "summary", null, issue.summary, null, value);
                    issue.summary = value;
                }
                case "priority" -> {
                    item = new Changes.Item("priority", "priority", null, issue.priority, null, value);
                    issue.priority = value;
                }
                default -> throw new IllegalArgumentException("the simulator edits summary or priority, not " + field);
            }
            return history(Changes.record(issue, data, accountId, data.now(), List.of(item)));
        }
    }

    /**
     * Records field changes (field → {fromString, toString}) as one changelog entry at {@code at}, in the map's
     * order, without changing the fields: what a webhook prepared by a test says happened. Answers {id, items}.
     */
    public ObjectNode recordChanges(String accountId, String issueKey, Map<String, String[]> changes, Instant at) {
        synchronized (data) {
            List<Changes.Item> items = new ArrayList<>();
            changes.forEach((field, fromTo) -> items.add(new Changes.Item(field, field, null, fromTo[0], null, fromTo[1])));
            return history(Changes.record(issue(issueKey), data, accountId, at, items));
        }
    }

    /** Deletes the issue as the account; answers it in Jira's REST shape as it was. */
    public ObjectNode deleteIssue(String accountId, String issueKey) {
        synchronized (data) {
            ObjectNode json = issue(issueKey).json(siteUrl, List.of());
            data.deleteIssue(issueKey);
            return json;
        }
    }

    /** The issue's changelog entries, oldest first: {id, author (accountId), created, items}, for assertions. */
    public List<ObjectNode> changelogOf(String issueKey) {
        synchronized (data) {
            return issue(issueKey).changelog.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** The issue's comments as Jira shows them, oldest first, for assertions. */
    public List<ObjectNode> commentsOf(String issueKey) {
        synchronized (data) {
            return issue(issueKey).comments.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** The issue's worklogs as Jira shows them, for assertions. */
    public List<ObjectNode> worklogsOf(String issueKey) {
        synchronized (data) {
            return issue(issueKey).worklogs.stream().map(SiteChanges::shown).toList();
        }
    }

    /** The keys of every issue on the site, in filing order. */
    public List<String> issueKeys() {
        synchronized (data) {
            return data.issuesView().stream().map(issue -> issue.key).toList();
        }
    }

    /** The issue in Jira's REST shape, as a webhook carries it. */
    public Optional<ObjectNode> issueJson(String issueKey) {
        return data.issueJson(issueKey, siteUrl);
    }

    /** The user object a webhook's {@code user} carries for the account. */
    public ObjectNode user(String accountId) {
        return People.user(data, siteUrl, accountId);
    }

    private ObjectNode history(ObjectNode history) {
        ObjectNode shown = Json.object();
        shown.put("id", history.path("id").asText());
        shown.set("items", history.get("items").deepCopy());
        return shown;
    }

    private Issue issue(String key) {
        return data.issue(key).orElseThrow(() -> new IllegalArgumentException("no issue " + key));
    }

    private ObjectNode worklog(String id) {
        ObjectNode worklog = data.worklogsById.get(id);
        if (worklog == null) {
            throw new IllegalArgumentException("no worklog " + id);
        }
        return worklog;
    }

    private static ObjectNode findComment(Issue issue, String commentId) {
        return issue.comments.stream().filter(c -> c.path("id").asText().equals(commentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no comment " + commentId + " on " + issue.key));
    }

    static ObjectNode newComment(JiraData data, Issue issue, String siteUrl, String author, JsonNode body, Instant at) {
        ObjectNode comment = Json.object();
        String id = data.nextId();
        comment.put("self", siteUrl + "/rest/api/3/issue/" + issue.id + "/comment/" + id);
        comment.put("id", id);
        ObjectNode person = People.user(data, siteUrl, author);
        comment.set("author", person);
        comment.set("body", body);
        comment.set("updateAuthor", person);
        comment.put("created", Json.time(at));
        comment.put("updated", Json.time(at));
        comment.put("jsdPublic", true);
        issue.comments.add(comment);
        if (at.isAfter(issue.updated)) {
            issue.updated = at;
        }
        return comment;
    }

    static ObjectNode newWorklog(JiraData data, Issue issue, String siteUrl, String author, int seconds, Instant started,
            Instant at) {
        ObjectNode worklog = Json.object();
        String id = data.nextId();
        worklog.put("self", siteUrl + "/rest/api/3/issue/" + issue.id + "/worklog/" + id);
        ObjectNode person = People.user(data, siteUrl, author);
        worklog.set("author", person);
        worklog.set("updateAuthor", person);
        worklog.put("created", Json.time(at));
        worklog.put("updated", Json.time(at));
        worklog.put("started", Json.time(started));
        worklog.put("timeSpent", timeSpent(seconds));
        worklog.put("timeSpentSeconds", seconds);
        worklog.put("id", id);
        worklog.put("issueId", issue.id);
        worklog.put("updatedMillis", at.toEpochMilli());
        issue.worklogs.add(worklog);
        data.worklogAdded(worklog);
        return worklog;
    }

    /** A worklog as Jira shows it: without the simulator's own index field. */
    static ObjectNode shown(ObjectNode worklog) {
        ObjectNode copy = worklog.deepCopy();
        copy.remove("updatedMillis");
        return copy;
    }

    /** A one-paragraph ADF document. */
    static ObjectNode paragraph(String text) {
        ObjectNode doc = Json.object().put("version", 1).put("type", "doc");
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                .put("type", "text").put("text", text);
        return doc;
    }

    private static String timeSpent(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60 + "m";
    }
}
