/** The one client for Jira and Confluence REST: authentication, error mapping, domain-shaped calls. */
package dev.ferry.jira;
