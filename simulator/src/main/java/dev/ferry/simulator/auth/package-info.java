/** Jira's side of Connect JWT: canonical requests, token signing, and the checks Jira makes on the app's calls. */
package dev.ferry.simulator.auth;
