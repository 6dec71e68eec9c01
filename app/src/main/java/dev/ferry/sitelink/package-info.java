/**
 * Linking a Jira site to an organization: link requests, one-time codes, the Jira administrator's confirmation,
 * the links and whether Jira still accepts the app's credentials, and the console page and API of Jira sites.
 */
package dev.ferry.sitelink;
