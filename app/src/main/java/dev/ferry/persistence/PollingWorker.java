package dev.ferry.persistence;

import dev.ferry.node.NodeRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;

/**
 * The loop every outbox worker runs: a few threads per node drain what is due, sleep a poll interval when
 * nothing was, and wait a database outage out through one {@link OutageBackoff}, so an outage costs one
 * probe at a time and a throttled log line rather than a warning per thread per poll. A subclass only says
 * how to drain; claims, leases and per-item failures stay its own.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final OutageBackoff outage;
    private final boolean enabled;
    private final int threadCount;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService threads;
    private NodeRole role = NodeRole.ALL;

    /** @param name how logs and thread names call the worker, e.g. "delivery worker" */
    protected PollingWorker(String name, boolean enabled, int threadCount, Duration pollInterval) {
        this.name = name;
        this.outage = new OutageBackoff(name, log);
        this.enabled = enabled;
        this.threadCount = Math.max(1, threadCount);
        this.pollInterval = pollInterval;
    }

    /** Works everything due now on the calling thread; returns how many items it took. */
    protected abstract int drain();

    /**
     * Claims batch after batch and works each item until a claim comes back empty; returns how many it took. Public
     * for the engines a worker drains through (ingest jobs, audit polls).
     */
    public static <T> int drainBatches(Supplier<List<T>> claim, Consumer<T> work) {
        int taken = 0;
        List<T> batch;
        do {
            batch = claim.get();
            batch.forEach(work);
            taken += batch.size();
        } while (!batch.isEmpty());
        return taken;
    }

    /** A {@code web} node runs no workers at all (ferry.node.role); without the bean (a bare test) it runs them. */
    @Autowired(required = false)
    public final void setNodeRole(NodeRole role) {
        this.role = role;
    }

    @Override
    public void start() {
        if (!enabled || !role.runsWorkers() || !running.compareAndSet(false, true)) {
            return;
        }
        String threadName = "ferry-" + name.replace(' ', '-');
        threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threadCount; i++) {
            threads.submit(this::loop);
        }
    }

    private void loop() {
        while (running.get()) {
            try {
                if (outage.attempt(this::drain, 0) == 0) {
                    Thread.sleep(Math.max(pollInterval.toMillis(), outage.remaining().toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} could not claim work: {}", name, e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            threads.shutdownNow();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
