/** Checks each request the app sends against Atlassian's published OpenAPI specifications. */
package dev.ferry.simulator.spec;
