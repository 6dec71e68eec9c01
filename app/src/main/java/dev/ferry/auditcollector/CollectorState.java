package dev.ferry.auditcollector;

/** A collector as people see it: polling, paused by a person, or failing (and why: its last error). */
public enum CollectorState {
    RUNNING, PAUSED, FAILING
}
