package dev.ferry.simulator.iframe;

/** The issue and project an iframe opens on; the values of the module URL placeholders. */
public record IssueContext(String issueKey, String issueId, String projectKey, String projectId) {

    /** No issue: a configure or admin page. */
    public static IssueContext none() {
        return new IssueContext("", "", "", "");
    }

    String substitute(String url) {
        return url.replace("{issue.key}", IframeUrls.encode(issueKey)).replace("{issue.id}", IframeUrls.encode(issueId))
                .replace("{project.key}", IframeUrls.encode(projectKey)).replace("{project.id}", IframeUrls.encode(projectId));
    }
}
