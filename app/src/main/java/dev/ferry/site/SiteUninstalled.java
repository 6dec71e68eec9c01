package dev.ferry.site;

import java.time.Instant;

/** Jira uninstalled Ferry from an installed site; published inside the transaction that records it. */
public record SiteUninstalled(String clientKey, String baseUrl, Instant at) {
}
