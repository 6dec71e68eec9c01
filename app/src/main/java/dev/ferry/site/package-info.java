/** Per-site install records: the Connect lifecycle (installed, enabled, disabled, uninstalled), shared secrets, site ↔ organization links and the requests (confirmed by the site's Jira administrator) that create them, and the admin page of Jira sites. */
package dev.ferry.site;
