package dev.ferry.link;

/** What a link showed before a change, so only a real change is announced. */
record LinkSnapshot(String issueKey, String statusName, String statusCategory, boolean issueDeleted) {

    static LinkSnapshot of(TicketLink link) {
        return new LinkSnapshot(link.issueKey(), link.statusName(), link.statusCategory(), link.issueDeleted());
    }
}
