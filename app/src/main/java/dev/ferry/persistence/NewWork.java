package dev.ferry.persistence;

/**
 * Published in the transaction that enqueues work for {@code worker}: once it commits, that worker on this node ends
 * its idle sleep and looks at once (outside a transaction, at once; after a rollback, never). Work committed on
 * another node is found by that node's own poll, within its idle ceiling.
 */
public record NewWork(Class<? extends PollingWorker> worker) {
}
