package dev.ferry.auditrecord;

/**
 * Published when a transaction stored new audit records: open follow streams of the organization and this node's
 * sink worker look at once (after the commit) instead of at their next poll.
 */
public record AuditRecordsStored(String organizationId, String collectorId, long lastPosition) {
}
