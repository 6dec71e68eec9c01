/** Ferry: a Jira Cloud app backend that files, links and syncs Jira issues for a product. */
package dev.ferry;
