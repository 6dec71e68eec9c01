/**
 * Product events become Jira tickets: catalog, destinations, rules, test tickets, the delivery outbox and its
 * workers, status sync; and their pages in the admin console, which call the same services as the product API.
 */
package dev.ferry.delivery;
