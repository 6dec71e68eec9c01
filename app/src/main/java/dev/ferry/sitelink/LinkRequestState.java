package dev.ferry.sitelink;

/** Where an organization's request to link a Jira site stands. */
public enum LinkRequestState {
    /** Ferry is not installed on the site yet; the request waits for its install. */
    AWAITING_INSTALL,
    /** Installed: waiting for a Jira administrator's confirmation or the one-time code. */
    PENDING,
    CONFIRMED,
    /** A Jira administrator of the site said no on Ferry's configure page. */
    DECLINED,
    CANCELLED,
    EXPIRED;

    boolean isOpen() {
        return this == AWAITING_INSTALL || this == PENDING;
    }
}
