package dev.ferry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.rest.JiraData;
import dev.ferry.simulator.rest.SiteChanges;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * People working on the simulated site, each change as a given accountId at the site clock: what Jira records
 * (changelog, comment, worklog) and, when an app is installed and listens, the webhook Jira sends for it, whose
 * ids (comment, worklog, changelog entry with its items in order) are those the REST API then shows.
 */
public final class PersonActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
    private final SiteChanges changes;
    private final SiteActions site;
    private final JiraData data;
    private final dev.ferry.simulator.forge.ForgePlatform forge;

    public PersonActions(JiraSimulator jira) {
        this.changes = new SiteChanges(jira.data(), jira.baseUrl());
        this.site = jira.site();
        this.data = jira.data();
        this.forge = jira.forge();
    }

    /** Files an issue ({@code jira:issue_created}); answers its key. */
    public String createIssue(String accountId, String projectKey, String summary) {
        String key = changes.createIssue(accountId, projectKey, summary);
        fire("jira:issue_created", accountId, issue(key), null, null, null);
        return key;
    }

    /** Comments ({@code comment_created}); answers the comment id. */
    public String comment(String accountId, String issueKey, String text) {
        ObjectNode comment = changes.comment(accountId, issueKey, text);
        fire("comment_created", accountId, issue(issueKey), null, comment, null);
        return comment.path("id").asText();
    }

    /** Edits a comment ({@code comment_updated}). */
    public void editComment(String accountId, String issueKey, String commentId, String text) {
        ObjectNode comment = changes.editComment(accountId, issueKey, commentId, text);
        fire("comment_updated", accountId, issue(issueKey), null, comment, null);
    }

    /** Deletes a comment ({@code comment_deleted}). */
    public void deleteComment(String accountId, String issueKey, String commentId) {
        ObjectNode comment = changes.deleteComment(accountId, issueKey, commentId);
        fire("comment_deleted", accountId, issue(issueKey), null, comment, null);
    }

    /** Logs work ({@code worklog_created}); answers the worklog id. */
    public String addWorklog(String accountId, String issueKey, int timeSpentSeconds) {
        ObjectNode worklog = changes.addWorklog(accountId, issueKey, timeSpentSeconds, data.now().minusSeconds(timeSpentSeconds));
        fire("worklog_created", accountId, null, null, null, worklog);
        return worklog.path("id").asText();
    }

    /** Changes a worklog's time spent ({@code worklog_updated}). */
    public void updateWorklog(String accountId, String worklogId, int timeSpentSeconds) {
        fire("worklog_updated", accountId, null, null, null, changes.updateWorklog(accountId, worklogId, timeSpentSeconds));
    }

    /** Deletes a worklog ({@code worklog_deleted}). */
    public void deleteWorklog(String accountId, String worklogId) {
        fire("worklog_deleted", accountId, null, null, null, changes.deleteWorklog(accountId, worklogId));
    }

    /** Moves the issue to "To Do", "In Progress" or "Done" ({@code jira:issue_updated}); answers the changelog id. */
    public String transition(String accountId, String issueKey, String statusName) {
        ObjectNode changelog = changes.transition(accountId, issueKey, statusName);
        fire("jira:issue_updated", accountId, issue(issueKey), changelog, null, null);
        return changelog.path("id").asText();
    }

    /** Edits the summary or priority ({@code jira:issue_updated}); answers the changelog id. */
    public String edit(String accountId, String issueKey, String field, String value) {
        ObjectNode changelog = changes.edit(accountId, issueKey, field, value);
        fire("jira:issue_updated", accountId, issue(issueKey), changelog, null, null);
        return changelog.path("id").asText();
    }

    /** Deletes the issue ({@code jira:issue_deleted}). */
    public void deleteIssue(String accountId, String issueKey) {
        ObjectNode issue = changes.deleteIssue(accountId, issueKey);
        fire("jira:issue_deleted", accountId, issue, null, null, null);
    }

    private JsonNode issue(String key) {
        return changes.issueJson(key).orElseThrow(() -> new IllegalArgumentException("no issue " + key));
    }

    /** Jira's webhook body (PROTOCOL §7): timestamp, webhookEvent, issue_event_type_name, user, and the change. */
    private void fire(String event, String accountId, JsonNode issue, ObjectNode changelog, ObjectNode comment,
            ObjectNode worklog) {
        ObjectNode body = JSON.createObjectNode();
        body.put("timestamp", data.now().toEpochMilli());
        body.put("webhookEvent", event);
        String typeName = switch (event) {
            case "jira:issue_created" -> "issue_created";
            case "jira:issue_updated" -> "issue_generic";
            case "jira:issue_deleted" -> "issue_deleted";
            case "comment_created" -> "issue_commented";
            case "comment_updated" -> "issue_comment_edited";
            case "comment_deleted" -> "issue_comment_deleted";
            default -> null;
        };
        if (typeName != null) {
            body.put("issue_event_type_name", typeName);
        }
        body.set("user", changes.user(accountId));
        if (issue != null) {
            body.set("issue", issue);
        }
        if (changelog != null) {
            body.set("changelog", changelog);
        }
        if (comment != null) {
            body.set("comment", comment);
        }
        if (worklog != null) {
            body.set("worklog", worklog);
        }
        webhooks.add(new Webhook(event, body.toString()));
        site.sendIfSubscribed(event, body.toString());
        // A Forge-installed app listening to the same change gets it as its Forge event.
        forge.siteChanged(event, body.toString());
    }

    /** A webhook body Jira made for a change, whether or not an app was installed to receive it. */
    public record Webhook(String event, String body) {
    }

    /** Every webhook body made so far, oldest first: what Jira sent, or would have sent to a subscribed app. */
    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }
}
