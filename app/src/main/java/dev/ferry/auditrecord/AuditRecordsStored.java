package dev.ferry.auditrecord;

/**
 * Published when a transaction stored new audit records: open follow streams of the organization look at once
 * (after the commit) instead of at their next poll.
 */
record AuditRecordsStored(String organizationId, String collectorId, long lastPosition) {
}
