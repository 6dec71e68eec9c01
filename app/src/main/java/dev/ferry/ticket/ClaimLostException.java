package dev.ferry.ticket;

/** Another worker claimed the hand ticket after this one's lease ran out: this one must leave it alone. */
class ClaimLostException extends RuntimeException {

    ClaimLostException(HandTicketRow row) {
        super("hand ticket " + row.id() + ": claim " + row.attempts() + " was taken over by a later one");
    }
}
