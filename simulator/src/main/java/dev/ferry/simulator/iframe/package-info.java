/** The signed URLs Jira loads app iframes from, and the context tokens a page asks Jira for. */
package dev.ferry.simulator.iframe;
