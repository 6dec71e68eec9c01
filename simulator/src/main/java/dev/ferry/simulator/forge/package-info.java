/** Jira playing Forge: invocation tokens and their JWKS, app tokens, manifest-driven delivery, Custom UI hosting. */
package dev.ferry.simulator.forge;
