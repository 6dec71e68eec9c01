/** A Jira Cloud site on WireMock that plays Jira against Ferry: installs, webhooks, iframes, REST and faults. */
package dev.ferry.simulator;
