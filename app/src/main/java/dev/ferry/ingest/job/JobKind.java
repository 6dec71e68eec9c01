package dev.ferry.ingest.job;

/** Why a job runs: the connection's schedule, or a person's fetch for a date range. */
enum JobKind {
    SCHEDULED, FETCH;

    /** The job's {@code active_key} while it is open: one open job of each kind per connection, across nodes. */
    String activeKey(String connectionId) {
        return connectionId + ":" + name();
    }
}
