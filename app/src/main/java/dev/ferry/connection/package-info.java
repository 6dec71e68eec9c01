/**
 * Connections: the ways an organization reaches a Jira site (the app install, an Atlassian API token, an
 * OAuth 2.0 grant) in one list; adding, editing, testing and removing the token and OAuth kinds; their
 * sealed secrets; the OAuth "Connect with Atlassian" round trip and the refresh worker. A connection's id is
 * its site_link key, so every capability that calls Jira reaches it through the site directory, unaware of
 * its kind.
 */
package dev.ferry.connection;
