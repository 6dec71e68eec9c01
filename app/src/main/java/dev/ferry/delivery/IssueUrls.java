package dev.ferry.delivery;

/** Where a person opens a Jira issue: the site's base URL (trailing slashes dropped) and {@code /browse/KEY}. */
final class IssueUrls {

    private IssueUrls() {
    }

    /** Null when the site's base URL or the issue key is not known. */
    static String browse(String baseUrl, String issueKey) {
        return baseUrl == null || issueKey == null ? null : baseUrl.replaceAll("/+$", "") + "/browse/" + issueKey;
    }
}
