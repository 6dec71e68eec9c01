/**
 * The people directory: the product's people (its own id and a name) and the Atlassian identities that are
 * theirs on each connection, an accountId or an email resolved to one through Jira's user search. Activities
 * are stored by accountId and attributed from these tables when read (the activity package joins them), so
 * mapping someone later attributes their past activity at once; erasing a person removes the mapping and every activity
 * and name stored for their accounts.
 */
package dev.ferry.people;
