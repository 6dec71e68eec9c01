package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The simulated site's issue view, as a signed-in person sees it in a browser: {@code /browse/{key}}
 * shows one issue, {@code /browse} lists them all. Plain HTML, so a test or a person can see what the app filed.
 */
public final class IssuePages {

    private final JiraData data;

    public IssuePages(JiraData data) {
        this.data = data;
    }

    /** The issue's page, or empty when the site has no such issue (Jira shows its own "can't find" page then). */
    public Optional<String> issue(String key) {
        synchronized (data) {
            return data.issue(key).map(this::issuePage);
        }
    }

    /** Every issue on the site, newest first, each a link to its page. */
    public String index() {
        StringBuilder rows = new StringBuilder();
        synchronized (data) {
            List<Issue> issues = new ArrayList<>(data.issues());
            Collections.reverse(issues);
            issues.forEach(issue -> rows.append("<li><a href=\"/browse/").append(escape(issue.key))
                    .append("\">").append(escape(issue.key)).append("</a> ").append(escape(issue.summary))
                    .append(" <span class=\"status\">").append(escape(issue.status.statusName())).append("</span></li>\n"));
        }
        return page("Issues", "<h1>Issues</h1>\n<ul id=\"issues\">\n" + rows + "</ul>");
    }

    private String issuePage(Issue issue) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/browse\">All issues</a> / ").append(escape(issue.project.name())).append("</p>\n");
        body.append("<h1><span id=\"key\">").append(escape(issue.key)).append("</span> <span id=\"summary\">")
                .append(escape(issue.summary)).append("</span></h1>\n<dl>\n");
        field(body, "type", "Type", issue.type.name());
        field(body, "status", "Status", issue.status.statusName());
        field(body, "priority", "Priority", issue.priority == null ? "None" : issue.priority);
        field(body, "labels", "Labels", labels(issue.labels));
        field(body, "assignee", "Assignee", issue.assigneeAccountId == null ? "Unassigned"
                : data.accounts().find(issue.assigneeAccountId).map(Account::displayName).orElse(issue.assigneeAccountId)
                        + " (" + issue.assigneeAccountId + ")");
        body.append("</dl>\n<h2>Description</h2>\n<pre id=\"description\">")
                .append(escape(AdfText.of(issue.description))).append("</pre>\n<h2>Comments</h2>\n<ol id=\"comments\">\n");
        issue.comments.forEach(comment -> body.append("<li><pre>").append(escape(AdfText.of(comment.get("body"))))
                .append("</pre></li>\n"));
        body.append("</ol>");
        return page(issue.key + " " + issue.summary, body.toString());
    }

    private static void field(StringBuilder body, String id, String name, String value) {
        body.append("<dt>").append(name).append("</dt><dd id=\"").append(id).append("\">").append(escape(value))
                .append("</dd>\n");
    }

    private static String labels(JsonNode labels) {
        if (labels == null || labels.isEmpty()) {
            return "None";
        }
        StringBuilder text = new StringBuilder();
        labels.forEach(label -> text.append(text.isEmpty() ? "" : ", ").append(label.asText()));
        return text.toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Simulated Jira</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "pre{white-space:pre-wrap;background:#f4f5f7;padding:.5em}dt{font-weight:bold}</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
