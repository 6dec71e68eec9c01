/** The OAuth 2.0 (3LO) authorization server a simulated site's users consent through, like auth.atlassian.com. */
package dev.ferry.simulator.oauth;
