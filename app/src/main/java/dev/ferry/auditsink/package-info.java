/**
 * An optional HTTP sink per audit collector: its settings (URL, sealed headers, batch size), and the worker that
 * posts the collector's records to it as NDJSON batches in position order, at least once, never skipping.
 */
package dev.ferry.auditsink;
