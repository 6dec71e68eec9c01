package dev.ferry.link;

import java.util.List;

/**
 * What happened to an object besides its tickets (its state changes and comments), shown beside them on the
 * linked-tickets page. Another room provides it, so this one need not know that room.
 */
public interface ObjectHistory {

    /** Newest first; empty when nothing was posted for the object. */
    List<Entry> of(String organizationId, String objectType, String objectId);

    /** One change: when, what ("State: Acknowledged" or "Comment"), by whom, and how each ticket took it. */
    record Entry(String time, String what, String text, String by, List<Ticket> tickets) {
    }

    /**
     * One ticket's copy of a change: its status as a person reads it ("Commented", "Pending"…), the lozenge tone
     * that goes with it ({@code warn}, {@code error}, {@code neutral} or empty) and why, if it did not go.
     */
    record Ticket(String issueKey, String status, String tone, String reason) {
    }
}
