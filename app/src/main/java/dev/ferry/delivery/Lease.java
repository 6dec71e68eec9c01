package dev.ferry.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's hold on one claim of a delivery. The claim marks the outbox row as possibly written to Jira in its own
 * commit, so no commit of its own is needed before the create or comment call; what only the worker knows is whether
 * it began that call, kept here so an attempt that ends before it can take the mark back (a retry then need not look
 * in Jira). A crash keeps the mark, and the retry looks.
 */
final class Lease {

    private final Instant until;
    private final Duration margin;
    private volatile boolean writing;

    /** Held from {@code claimedAt} until {@code until}. */
    Lease(Instant claimedAt, Instant until) {
        this.until = until;
        this.margin = Duration.between(claimedAt, until).dividedBy(4);
    }

    /**
     * Begins the write at {@code now}, unless the lease is too near its end: a quarter of it is kept in hand for the
     * call (its rate-gate wait and retries), so that another claim cannot take the delivery, find nothing in Jira yet,
     * and write a second time.
     */
    boolean beginWrite(Instant now) {
        if (now.isAfter(until.minus(margin))) {
            return false;
        }
        writing = true;
        return true;
    }

    boolean writing() {
        return writing;
    }
}
