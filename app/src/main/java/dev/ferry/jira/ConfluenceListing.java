package dev.ferry.jira;

import java.util.List;

/**
 * One page of a Confluence v2 listing.
 *
 * @param next the cursor of the next page, null on the last
 * @param base the wiki's web address ({@code _links.base}, {@code https://site.atlassian.net/wiki}) that
 *             {@code webui} links are relative to; null when Confluence did not say
 */
public record ConfluenceListing(List<ConfluenceContent> items, String next, String base) {
}
