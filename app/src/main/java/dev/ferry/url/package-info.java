/**
 * What counts as a link a person may follow, and where Ferry may send a request (the outbound guard), asked by
 * events, templates, pages and the Jira client alike. The bottom of the package graph.
 */
package dev.ferry.url;
