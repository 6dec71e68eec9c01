/** The one client for Jira REST: signed calls through a per-site rate gate with retries, error mapping, domain-shaped calls. */
package dev.ferry.jira;
