package dev.ferry.link;

/** Where a person opens a Jira issue: the site's base URL (trailing slashes dropped) and {@code /browse/KEY}. */
public final class IssueUrls {

    private IssueUrls() {
    }

    /** Null when the site's base URL or the issue key is not known. */
    public static String browse(String baseUrl, String issueKey) {
        return baseUrl == null || issueKey == null ? null : baseUrl.replaceAll("/+$", "") + "/browse/" + issueKey;
    }
}
