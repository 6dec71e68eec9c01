package dev.ferry.delivery;

/** Where a (event, destination) delivery stands. */
enum TicketDeliveryStatus {
    /** Due, or being worked under a lease. */
    PENDING,
    /** Parked until something is fixed (credentials, destination); looked at again regularly and on repair. */
    WAITING,
    DONE,
    /** Jira refused it for good, or it ran out of attempts; a person may retry it. */
    FAILED,
    /**
     * Nothing to do, for good: the rule was switched off, the destination deleted or its site disconnected
     * before it ran; never filed later.
     */
    SKIPPED;

    boolean isOpen() {
        return this == PENDING || this == WAITING;
    }
}
