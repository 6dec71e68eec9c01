package dev.ferry.persistence;

import dev.ferry.node.NodeRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The loop every outbox worker runs: one claimer thread per node looks for due work and hands it to a pool of
 * {@code threadCount} I/O threads, claiming no more than there are free threads; it sleeps when it found nothing,
 * the sleep growing from the poll interval to {@code idlePollMax} while the outbox stays empty, and a local
 * {@link #wake()} (new work committed on this node, {@link NewWork}) ends the sleep at once; work another node
 * commits is found by the poll. A database outage is waited out through one {@link OutageBackoff}, so it costs one
 * probe at a time and a throttled log line. On stop the claimer stops claiming and the pool finishes what it holds,
 * up to {@link #DRAIN_TIMEOUT}, before its threads (and their Jira calls) are interrupted.
 *
 * <p>A subclass either overrides {@link #poll(int)} to claim and {@link #hand} items itself, or only says how to
 * {@link #drain()}: the claimer then drains on its own thread and, when that found work, lets the free threads
 * drain beside it until the outbox is empty. Claims, leases and per-item failures stay the subclass's own.
 */
public abstract class PollingWorker implements SmartLifecycle {

    /** How long a stopping node lets its I/O threads finish what they hold; inside Spring's default shutdown phase. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    /**
     * The longest idle sleep {@link #idleMax} allows: what a worker woken for local work still waits for is work
     * another node committed or a retry coming due, and a few seconds of that go unnoticed.
     */
    static final Duration IDLE_CEILING = Duration.ofSeconds(5);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final OutageBackoff outage;
    private final boolean enabled;
    private final int threadCount;
    private final Duration pollInterval;
    private final Duration idlePollMax;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object sleeper = new Object();
    private boolean woken;
    private Semaphore freeThreads;
    private int handedThisPoll;
    private ExecutorService threads;
    private NodeRole role = NodeRole.ALL;
    private Thread claimer;

    /**
     * A worker whose idle sleep grows to {@link #idleMax}: it hears of local work through {@link NewWork}.
     *
     * @param name how logs and thread names call the worker, e.g. "delivery worker"
     */
    protected PollingWorker(String name, boolean enabled, int threadCount, Duration pollInterval) {
        this(name, enabled, threadCount, pollInterval, idleMax(pollInterval));
    }

    /** @param idlePollMax the longest sleep an idle claimer grows to (no growth when equal to the poll interval) */
    protected PollingWorker(String name, boolean enabled, int threadCount, Duration pollInterval, Duration idlePollMax) {
        this.name = name;
        this.outage = new OutageBackoff(name, log);
        this.enabled = enabled;
        this.threadCount = Math.max(1, threadCount);
        this.pollInterval = pollInterval;
        this.idlePollMax = idlePollMax.compareTo(pollInterval) < 0 ? pollInterval : idlePollMax;
    }

    /**
     * The idle sleep of a worker that hears of local work through {@link NewWork}: ten poll intervals, at most
     * {@link #IDLE_CEILING} (a longer poll interval stays as it is: the sleep never drops below it). An idle node
     * then asks its empty tables a few times a second in all rather than once per poll interval per worker.
     */
    protected static Duration idleMax(Duration pollInterval) {
        Duration tenPolls = pollInterval.multipliedBy(10);
        return tenPolls.compareTo(IDLE_CEILING) < 0 ? tenPolls : IDLE_CEILING;
    }

    /** Works everything due now on the calling thread; returns how many items it took. */
    protected abstract int drain();

    /**
     * One look for work, on the claimer thread, with {@code free} I/O threads idle: hands at most {@code free}
     * items to {@link #hand} and answers how many items it found (0 lets the claimer sleep; {@code free} or more, that
     * more may be due, so it looks again at once). By default it drains
     * on the claimer thread and, once that found work, puts the free threads to draining beside it.
     */
    protected int poll(int free) {
        int taken = drain();
        if (taken > 0) {
            for (int i = 1; i < free; i++) { // the claimer drains too: no more at once than the worker's threads
                hand(this::drainQuietly);
            }
        }
        return taken;
    }

    /** Gives one item to a free I/O thread; only from {@link #poll}, at most its {@code free} times. */
    protected final void hand(Runnable item) {
        handedThisPoll++;
        threads.execute(() -> {
            try {
                item.run();
            } catch (RuntimeException e) {
                log.warn("{} failed on an item: {}", name, e.toString());
            } finally {
                freeThreads.release();
            }
        });
    }

    /** New work was committed on this node: the claimer looks now instead of at the end of its sleep. */
    public void wake() {
        synchronized (sleeper) {
            woken = true;
            sleeper.notifyAll();
        }
    }

    /** Work for this worker was committed on this node: heard after the commit, or at once outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(NewWork work) {
        if (work.worker().isInstance(this)) {
            wake();
        }
    }

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
        freeThreads = new Semaphore(threadCount);
        threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        claimer = new Thread(this::claimLoop, threadName + "-claimer");
        claimer.setDaemon(true);
        claimer.start();
    }

    private void claimLoop() {
        Duration idle = pollInterval;
        boolean busy = false;
        while (running.get()) {
            try {
                if (!freeThreads.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue; // every thread busy: look again whether the worker is stopping
                }
                int free = 1 + freeThreads.drainPermits();
                handedThisPoll = 0;
                int found;
                try {
                    found = outage.attempt(() -> poll(free), 0);
                } finally {
                    freeThreads.release(free - handedThisPoll);
                }
                if (found >= free) {
                    idle = pollInterval; // a full hand: more may be due, look again at once
                } else if (found > 0 || (busy && gathersUnderLoad())) {
                    // Less than asked for: nothing else is due now, so an immediate look would come back empty.
                    // New work on this node wakes the claimer; other nodes' and retries' within a poll interval.
                    if (gathersUnderLoad()) {
                        gather(pollInterval);
                    } else {
                        sleep(pollInterval);
                    }
                    idle = pollInterval;
                } else {
                    idle = sleep(Duration.ofMillis(Math.max(idle.toMillis(), outage.remaining().toMillis())));
                }
                busy = found > 0;
            } catch (InterruptedException e) {
                return; // stopping
            } catch (RuntimeException e) {
                log.warn("{} could not claim work: {}", name, e.toString());
                try {
                    idle = sleep(pollInterval);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * Whether work arriving under load should gather for a poll interval rather than wake the claimer at once: after a
     * look that found work, the next pause is not cut short by {@link #wake()} (only by a stop). Right for a worker
     * whose cost is per batch (the inbox: one commit per batch, and on H2 each commit is a write to the file), which a
     * wake per stored batch would cut into many small ones; an idle worker still wakes at once.
     */
    protected boolean gathersUnderLoad() {
        return false;
    }

    /** Waits out {@code pause} whatever wakes the claimer meanwhile, unless the worker stops. */
    private void gather(Duration pause) throws InterruptedException {
        long end = System.nanoTime() + pause.toNanos();
        synchronized (sleeper) {
            long left = pause.toNanos();
            while (running.get() && left > 0) {
                sleeper.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                left = end - System.nanoTime();
            }
            woken = false;
        }
    }

    /** Sleeps up to {@code pause} or until woken; answers the next idle pause (the poll interval after a wake). */
    private Duration sleep(Duration pause) throws InterruptedException {
        synchronized (sleeper) {
            if (!woken) {
                sleeper.wait(Math.max(1, pause.toMillis()));
            }
            boolean wasWoken = woken;
            woken = false;
            if (wasWoken) {
                return pollInterval;
            }
        }
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(idlePollMax) > 0 ? idlePollMax : doubled;
    }

    private void drainQuietly() {
        outage.attempt(this::drain, 0);
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            wake(); // no new claims; a claimer draining on its own thread finishes that first
            try {
                claimer.join(DRAIN_TIMEOUT.toMillis());
                claimer.interrupt();
                threads.shutdown();
                if (!threads.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("{} still busy after {}; interrupting what it holds", name, DRAIN_TIMEOUT);
                    threads.shutdownNow();
                    threads.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                threads.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
