package dev.ferry.destination;

/** Whether a destination takes tickets, and if not, what fixes it. */
enum DestinationState {
    ACTIVE,
    /** Jira answered 403 or 404 (project gone, permission lost): editing the destination resumes it. */
    REPAIR,
    /** Jira refused an issue type: refreshing issue types from Jira re-maps the rules and resumes it. */
    REFRESH_ISSUE_TYPES
}
