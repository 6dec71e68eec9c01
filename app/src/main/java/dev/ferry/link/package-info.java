/** Ticket links: which product objects are linked to which Jira issue on which site, kept in step with Jira; their API and console page. */
package dev.ferry.link;
