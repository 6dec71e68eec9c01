package dev.ferry.site;

import java.time.Instant;

/** Jira installed (or re-installed) Ferry on a site; published inside the transaction that records it. */
public record SiteInstalled(String clientKey, String baseUrl, String displayUrl, String cloudId, Instant at) {
}
