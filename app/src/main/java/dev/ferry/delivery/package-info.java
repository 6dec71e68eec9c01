/**
 * The ticket outbox engine: the outbox and its workers, filing each ticket or comment in Jira exactly once,
 * what a refusal from Jira means for a delivery, and the deliveries log (API and console page).
 */
package dev.ferry.delivery;
