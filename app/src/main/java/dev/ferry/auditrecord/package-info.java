/**
 * Jira's audit records as Ferry keeps them (not Ferry's own audit log, which is {@code dev.ferry.audit}): each
 * record once per collector, as received plus the columns it is found by, in an order of arrival that readers
 * resume from; the reading API (list, NDJSON export, follow) and retention.
 */
package dev.ferry.auditrecord;
