package dev.ferry.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Writes what request threads hand in, many at a time (group commit). A writer thread takes whatever is waiting, up
 * to a batch, and writes it in one transaction: under load the database makes one commit, and H2 one store of its
 * changed pages, for many requests instead of one each. The request thread waits until its item is committed, so its
 * answer still means "stored". When the batch fails for one item (a duplicate, say), each is written again alone, so
 * one bad item never fails the others; when the database is out, every item of the batch fails at once.
 *
 * @param <I> what is written
 * @param <R> what writing one answers
 */
public final class GroupCommit<I, R> {

    /** How a batch is written. Both run on a writer thread and each commits what it wrote before it returns. */
    public interface Writer<I, R> {

        /** Writes every item in one transaction; one result per item, in order. */
        List<R> writeAll(List<I> items);

        /** Writes one item in a transaction of its own. */
        R writeOne(I item);

        /** After a batch's callers were answered: the items of it that were written. */
        default void written(List<I> items) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final Writer<I, R> writer;
    private final int maxBatch;
    private final BlockingQueue<Pending<I, R>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final ThrottledLog outages = new ThrottledLog(log);
    private volatile boolean running;

    /**
     * @param name     names the writer threads and the log lines
     * @param maxBatch the most items written in one transaction
     * @param capacity the most items waiting; past it a submit waits, up to its timeout
     */
    public GroupCommit(String name, Writer<I, R> writer, int maxBatch, int capacity) {
        this.name = name;
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Hands the item to a writer and waits until it is committed, at most {@code timeout} in all; answers what writing
     * it answered, or throws what writing it alone threw. Past the timeout, or while stopped, throws a transient
     * database failure (a 503 to a web caller): the item may still be committed later, so a caller should send it
     * again under the same idempotency key.
     */
    public R write(I item, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return submit(item, timeout).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notWritten("was interrupted");
        } catch (TimeoutException e) {
            throw notWritten("did not commit within " + timeout);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    /**
     * Hands the item to a writer without waiting for it: the future completes on the writer's thread once the item is
     * committed, or exceptionally with what writing it threw. Waits only while {@code capacity} items are waiting,
     * up to {@code queueWait}; past it, or while stopped, the future fails with a transient database failure.
     */
    public CompletableFuture<R> submit(I item, Duration queueWait) {
        Pending<I, R> pending = new Pending<>(item, new CompletableFuture<>());
        try {
            if (running && queue.offer(pending, queueWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return pending.written();
            }
            return CompletableFuture.failedFuture(notWritten("is not taking writes"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(notWritten("was interrupted"));
        }
    }

    private TransientDataAccessResourceException notWritten(String why) {
        return new TransientDataAccessResourceException(name + " " + why);
    }

    /** Starts {@code writers} writer threads. */
    public synchronized void start(int writers) {
        running = true;
        for (int i = 1; i <= writers; i++) {
            Thread thread = new Thread(this::writeUntilStopped, name + "-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops taking writes, writes what is already waiting, and waits up to {@code wait} for the writers to end. */
    public synchronized void stop(Duration wait) {
        running = false;
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    public boolean isRunning() {
        return running;
    }

    private void writeUntilStopped() {
        List<Pending<I, R>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<I, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch);
                writer.written(batch.stream().filter(pending -> !pending.written().isCompletedExceptionally())
                        .map(Pending::item).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // Never leave a request waiting on a writer that died.
                batch.forEach(pending -> pending.written().completeExceptionally(unexpected));
                log.error("{}: a batch failed unexpectedly", name, unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending<I, R>> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<R> results;
        try {
            results = writer.writeAll(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException batchFailed) {
            if (DatabaseFailures.isOutage(batchFailed)) {
                // One by one would only wait for the database once per item, past their callers' timeouts.
                outages.warn(name + ": not written, the database is unavailable", batchFailed);
                batch.forEach(pending -> pending.written().completeExceptionally(batchFailed));
                return;
            }
            log.debug("{}: a batch of {} failed, writing each alone: {}", name, batch.size(), batchFailed.toString());
            batch.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written().complete(results.get(i));
        }
    }

    private void writeAlone(Pending<I, R> pending) {
        try {
            pending.written().complete(writer.writeOne(pending.item()));
        } catch (RuntimeException failed) {
            if (DatabaseFailures.isOutage(failed)) {
                outages.warn(name + ": not written, the database is unavailable", failed);
            }
            pending.written().completeExceptionally(failed);
        }
    }

    private record Pending<I, R>(I item, CompletableFuture<R> written) {
    }
}
