/** The app as Jira sees it: its descriptor, read over HTTP, and the HTTP client Jira calls it with. */
package dev.ferry.simulator.app;
