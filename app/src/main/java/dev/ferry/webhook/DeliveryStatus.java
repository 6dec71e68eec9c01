package dev.ferry.webhook;

/** Where a stored delivery stands. */
enum DeliveryStatus {
    /** Stored, waiting for (or being given) its next attempt. */
    PENDING,
    /** Applied. */
    PROCESSED,
    /** Can never be applied (unknown event, malformed body); kept for inspection, never retried. */
    REJECTED,
    /** Kept failing for reasons on Ferry's side until attempts ran out. */
    FAILED
}
