/**
 * Forge product events (Jira issue, comment and worklog triggers sent to Ferry's remote) into the durable webhook
 * inbox, in the shape of the Connect webhooks Ferry already processes.
 */
package dev.ferry.forgeevent;
