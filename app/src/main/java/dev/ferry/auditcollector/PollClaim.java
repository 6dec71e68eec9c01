package dev.ferry.auditcollector;

import java.time.Instant;

/**
 * A collector as the poller that claimed it holds it: the row as claimed, the lease end that fences each of the
 * poller's writes, and where its window stands. Each committed step answers the claim as it is after.
 *
 * @param lease   the lease end the row holds while this poller owns it; a write naming another changes nothing
 * @param failure the failure the collector stood in when claimed, cleared by the first page read since
 */
record PollClaim(AuditCollector collector, Instant lease, Instant windowFrom, Instant windowTo, int offset,
        int attempts, CollectorFailure failure) {

    static PollClaim of(AuditCollector collector, Instant lease) {
        return new PollClaim(collector, lease, collector.windowFrom(), collector.windowTo(), collector.windowOffset(),
                collector.attempts(), collector.failure());
    }

    String id() {
        return collector.id();
    }

    String connectionId() {
        return collector.connectionId();
    }

    /** Whether a window is in progress: a poll that stopped part way (a crash, a slice, a failure) resumes it. */
    boolean windowOpen() {
        return windowFrom != null && windowTo != null;
    }

    PollClaim opened(Instant from, Instant to, Instant renewed) {
        return new PollClaim(collector, renewed, from, to, 0, attempts, failure);
    }

    /** After a page: the next page's offset under a renewed lease, and flowing again. */
    PollClaim advanced(int nextOffset, Instant renewed) {
        return new PollClaim(collector, renewed, windowFrom, windowTo, nextOffset, 0, null);
    }
}
