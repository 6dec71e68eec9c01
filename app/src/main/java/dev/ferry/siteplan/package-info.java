/** Whether a Jira site on the Free plan may be linked to an organization, asked of Jira and decided by its setting. */
package dev.ferry.siteplan;
