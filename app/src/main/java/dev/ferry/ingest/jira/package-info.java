/**
 * Jira's side of activity ingest: the {@code jira-issues} and {@code jira-worklogs} streams, read through Jira's
 * bulk endpoints, and the live webhooks of app installs; both name each activity through
 * {@link dev.ferry.ingest.NaturalKeys}, so whichever sees it first stores it and the other finds it there.
 */
package dev.ferry.ingest.jira;
