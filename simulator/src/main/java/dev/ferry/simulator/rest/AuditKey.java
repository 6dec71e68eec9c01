package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** Where an audit record sorts: by created (epoch millis), then by id; Jira answers the greatest first. */
record AuditKey(long created, long id) implements Comparable<AuditKey> {

    static AuditKey of(JsonNode record) {
        return new AuditKey(AuditTime.parse(record.path("created").asText()).toEpochMilli(), record.path("id").asLong());
    }

    /** Sorts before every record created at {@code millis}. */
    static AuditKey first(long millis) {
        return new AuditKey(millis, Long.MIN_VALUE);
    }

    /** Sorts after every record created at {@code millis}. */
    static AuditKey last(long millis) {
        return new AuditKey(millis, Long.MAX_VALUE);
    }

    @Override
    public int compareTo(AuditKey other) {
        int byCreated = Long.compare(created, other.created);
        return byCreated != 0 ? byCreated : Long.compare(id, other.id);
    }
}
