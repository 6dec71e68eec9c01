package dev.ferry.destination;

/** Whether a destination takes tickets, and if not, what fixes it. */
enum DestinationState {
    ACTIVE,
    /** Jira answered 403 or 404 (project gone, permission lost): editing the destination resumes it. */
    REPAIR,
    /** Jira refused an issue type: refreshing issue types from Jira re-maps the rules and resumes it. */
    REFRESH_ISSUE_TYPES,
    /**
     * Never stored, only shown: the destination's site is not linked to its organization (disconnected),
     * so events skip it and nothing is queued. Linking the site again shows the stored state once more.
     */
    SITE_NOT_LINKED,
    /** Deleted by a person: kept only so its ticket links and deliveries still name it. */
    DELETED
}
