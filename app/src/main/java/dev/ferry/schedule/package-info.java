/**
 * Jobs scheduled on every node that must run on one node at a time ({@link dev.ferry.schedule.SingletonJob}): a
 * database lease per job name, renewed while a run lasts, a row per run actually executed, and a bounded pool of
 * job threads so a long job never holds the scheduler.
 */
package dev.ferry.schedule;
