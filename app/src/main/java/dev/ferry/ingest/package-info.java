/**
 * Activity ingest: what people did in Jira and Confluence, read per connection by scheduled runs, by fetches
 * for a date range and from live webhooks, stored once per natural key. The streams ({@link
 * dev.ferry.ingest.ActivityStream}) live in sub-packages and depend on this one, never the other way round.
 */
package dev.ferry.ingest;
