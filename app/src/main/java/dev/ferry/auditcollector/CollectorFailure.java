package dev.ferry.auditcollector;

/** Why a collector's last poll failed; each kind waits its own way before the next try. */
public enum CollectorFailure {
    /** The account lacks Administer Jira (or the site has no paid Jira product): a person must act. */
    FORBIDDEN,
    /** Jira rejected the credentials: the connection must be repaired; a renewed token wakes the collector. */
    UNAUTHORIZED,
    /** Ferry cannot open the connection (deleted, or its credentials unreadable). */
    CONNECTION_GONE,
    /** Jira throttled or failed (429 past the client's patience, 5xx, unreachable): retried with back-off. */
    UNAVAILABLE,
    /** Jira answered something Ferry cannot read (a record without an id or time): retried with back-off. */
    UNREADABLE
}
