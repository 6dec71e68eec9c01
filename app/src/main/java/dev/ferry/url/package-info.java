/** What counts as a link a person may follow, asked by events, templates and pages alike. The bottom of the package graph. */
package dev.ferry.url;
