/**
 * Destinations (one linked site and one project) and their rules per event type: editing them against Jira,
 * previews, the banners that say what stops tickets, and their console pages and API.
 */
package dev.ferry.destination;
