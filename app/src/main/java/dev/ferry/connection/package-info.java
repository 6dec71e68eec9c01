/**
 * Connections: the ways an organization reaches a Jira site (the app install, an Atlassian API token, an
 * OAuth 2.0 grant) in one list with their health; adding, editing, testing and removing them; the sealed API
 * tokens. A connection's id is its site_link key, so every capability that calls Jira reaches it through the
 * site directory, unaware of its kind. How an OAuth grant is approved and refreshed is the {@code oauth} room's;
 * this one asks it through {@link dev.ferry.connection.OAuthGrants}.
 */
package dev.ferry.connection;
