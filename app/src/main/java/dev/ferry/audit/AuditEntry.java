package dev.ferry.audit;

import java.time.Instant;

/** One audit record as the API shows it. */
record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String detail) {
}
