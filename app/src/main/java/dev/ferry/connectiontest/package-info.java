/**
 * "Test connection": over any kind of connection, who Jira says Ferry calls as, the permissions Ferry's features
 * need, the default project and its issue types, and Confluence, each failure in the admin's words; over the
 * API and as a console page.
 */
package dev.ferry.connectiontest;
