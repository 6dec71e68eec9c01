/** Product events become Jira tickets: catalog, destinations, rules, the delivery outbox and its workers, status sync. */
package dev.ferry.delivery;
