/** Jira and Confluence REST as one simulated site serves it: stateful issues, search, activity and audit. */
package dev.ferry.simulator.rest;
