/**
 * Audit collectors: a connection read for Jira's audit records on a schedule, from a checkpoint with an
 * overlap, one poll per collector at a time on any node; their API, console table and test.
 */
package dev.ferry.auditcollector;
