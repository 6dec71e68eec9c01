/** Jira's install side: the signing key pair, the key server, and the signed lifecycle callbacks. */
package dev.ferry.simulator.install;
