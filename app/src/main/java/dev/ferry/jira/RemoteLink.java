package dev.ferry.jira;

/**
 * A link from a Jira issue back to a product object; the same {@code globalId} updates instead of duplicating.
 *
 * @param resolved shown struck through in Jira when the object is closed
 */
public record RemoteLink(String globalId, String url, String title, boolean resolved) {
}
