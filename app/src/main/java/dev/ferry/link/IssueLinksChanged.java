package dev.ferry.link;

/** Links were added to or removed from an issue: published inside the transaction that changed them. */
public record IssueLinksChanged(String clientKey, String issueId) {
}
