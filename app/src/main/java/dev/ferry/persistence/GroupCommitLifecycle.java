package dev.ferry.persistence;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A bean that writes through its own {@link GroupCommit}: the writer threads start with the application and stop in
 * phase 0, after the web server and the polling workers that hand them items (a lower phase stops later), so what
 * those handed in is still written.
 *
 * @param <I> what is written
 * @param <R> what writing one answers
 */
public abstract class GroupCommitLifecycle<I, R> implements SmartLifecycle, GroupCommit.Writer<I, R> {

    private final GroupCommit<I, R> writes;
    private final int writerThreads;
    private final Duration stopWait;

    /**
     * @param name          names the writer threads and the log lines
     * @param maxBatch      the most items written in one transaction
     * @param capacity      the most items waiting; past it a submit waits, up to its timeout
     * @param writerThreads writer threads started with the application
     * @param stopWait      how long a stop waits for the writers to write what is already queued
     */
    protected GroupCommitLifecycle(String name, int maxBatch, int capacity, int writerThreads, Duration stopWait) {
        this.writes = new GroupCommit<>(name, this, maxBatch, capacity);
        this.writerThreads = writerThreads;
        this.stopWait = stopWait;
    }

    protected final GroupCommit<I, R> writes() {
        return writes;
    }

    @Override
    public void start() {
        writes.start(writerThreads);
    }

    @Override
    public void stop() {
        writes.stop(stopWait);
    }

    @Override
    public boolean isRunning() {
        return writes.isRunning();
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
