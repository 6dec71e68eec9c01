/** Jira's webhooks: realistic event bodies, signed deliveries, retries, duplicates, late and out-of-order sends. */
package dev.ferry.simulator.webhook;
