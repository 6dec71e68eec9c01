package dev.ferry.delivery;

/** What a finished delivery did in Jira. */
enum TicketOutcome {
    CREATED,
    COMMENTED,
    /** A retry found the ticket an earlier attempt had created before dying: nothing was filed twice. */
    RECOVERED
}
