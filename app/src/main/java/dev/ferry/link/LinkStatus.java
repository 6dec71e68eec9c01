package dev.ferry.link;

/**
 * Whether Ferry knows a linked ticket's Jira status and, when it does not, why: what the API and the console show
 * instead of a status ("Unknown", and the reason).
 *
 * @param reason null when the status is known
 */
record LinkStatus(boolean known, Reason reason) {

    static final LinkStatus KNOWN = new LinkStatus(true, null);

    /** Why a status is unknown, most telling first. */
    enum Reason {
        /** The issue is gone from Jira: the link is a broken reference, to be removed. */
        ISSUE_DELETED("The issue was deleted in Jira (or moved where Ferry cannot see it): this link is a broken"
                + " reference; unlink it to remove it."),
        /** Jira answered 401 to the credentials Ferry holds for the site. */
        CREDENTIALS_REJECTED("Jira rejects the credentials Ferry holds for the site: install the app again, replace"
                + " the API token or reconnect the OAuth connection."),
        /** Ferry cannot call the site: the app was uninstalled or the connection removed. */
        SITE_NOT_REACHABLE("Ferry cannot call the site: the app is uninstalled there or the connection was removed."),
        /** Filed by Ferry, and no webhook or reconcile has told its status yet. */
        NOT_READ_YET("Ferry has not read the status from Jira yet; the next webhook or the nightly reconcile brings it.");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /**
     * @param siteCallable      whether Ferry can call the link's site now
     * @param credentialsUsable false while Jira rejects the site's credentials
     */
    static LinkStatus of(TicketLink link, boolean siteCallable, boolean credentialsUsable) {
        if (link.issueDeleted()) {
            return new LinkStatus(false, Reason.ISSUE_DELETED);
        }
        if (link.statusName() != null) {
            return KNOWN;
        }
        if (!credentialsUsable) {
            return new LinkStatus(false, Reason.CREDENTIALS_REJECTED);
        }
        return new LinkStatus(false, siteCallable ? Reason.NOT_READ_YET : Reason.SITE_NOT_REACHABLE);
    }

    /** The status to show: Jira's name while known, null otherwise (a deleted issue's last status is no status). */
    String shown(TicketLink link) {
        return known ? link.statusName() : null;
    }

    /** The reason's code for the API, null when known. */
    String code() {
        return reason == null ? null : reason.name();
    }

    /** The reason in words for the console, null when known. */
    String words() {
        return reason == null ? null : reason.words();
    }
}
