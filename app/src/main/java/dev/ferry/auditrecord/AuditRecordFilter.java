package dev.ferry.auditrecord;

import java.time.Instant;

/**
 * Which of an organization's audit records a reader wants: a collector's (null: all), Jira's {@code created} in
 * [from, to) (either end open when null), a category matched without regard to case (null: any).
 */
record AuditRecordFilter(String organizationId, String collectorId, Instant from, Instant to, String category) {

    /** The filters as the audit log keeps them for an export. */
    String describe() {
        return "collector=" + (collectorId == null ? "any" : collectorId) + " from=" + (from == null ? "-" : from)
                + " to=" + (to == null ? "-" : to) + " category=" + (category == null ? "any" : category);
    }
}
