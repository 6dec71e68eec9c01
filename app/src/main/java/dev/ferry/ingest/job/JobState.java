package dev.ferry.ingest.job;

/** Where a job stands; the first four are open (it holds its connection's {@code active_key}). */
enum JobState {
    QUEUED, RUNNING,
    /** Waiting for Jira (a rate limit, a failing service) or for credentials to be repaired; resumes by itself. */
    WAITING,
    DONE, FAILED, CANCELLED;

    boolean open() {
        return this == QUEUED || this == RUNNING || this == WAITING;
    }
}
