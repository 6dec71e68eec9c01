package dev.ferry.schedule;

import dev.ferry.node.NodeProperties;
import dev.ferry.persistence.OutageBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one node at a time. A run takes the job's lease ({@link JobLocks}), records itself
 * ({@link JobRuns}), renews the lease every third of it while it lasts — so a run longer than its lease never
 * lets a second node in — and frees the job when done, no earlier than {@code holdAtLeast} after it started. A
 * node that dies mid-run stops renewing, and another node may take the job once the lease has run out. On a
 * {@code web} node ({@code ferry.node.role}) nothing runs.
 */
@Component
public class SingletonJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SingletonJobs.class);

    private final JobLocks locks;
    private final JobRuns runs;
    private final NodeProperties node;
    private final ScheduleProperties properties;
    private final Clock clock;
    private final OutageBackoff outage = new OutageBackoff("singleton jobs", log);
    private final ThreadPoolExecutor jobThreads;
    private final ScheduledExecutorService renewals;
    private volatile boolean running;

    SingletonJobs(JobLocks locks, JobRuns runs, NodeProperties node, ScheduleProperties properties, Clock clock) {
        this.locks = locks;
        this.runs = runs;
        this.node = node;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        // No queue: a job fired while every job thread is busy is skipped, and fires again on its next period.
        this.jobThreads = new ThreadPoolExecutor(properties.jobThreads(), properties.jobThreads(), 1, TimeUnit.MINUTES,
                new SynchronousQueue<>(), runnable -> daemon(runnable, "ferry-job-" + count.incrementAndGet()));
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "ferry-job-lease"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The default lease, {@code ferry.schedule.lease}. */
    public Duration defaultLease() {
        return properties.lease();
    }

    /** {@link #run(String, Duration, Duration, Runnable)} with no hold after the run. */
    public boolean run(String name, Duration lease, Runnable job) {
        return run(name, lease, Duration.ZERO, job);
    }

    /**
     * Runs {@code job} on the calling thread if this node wins the job named {@code name}; answers whether it ran.
     * A job's failure is recorded and thrown on.
     *
     * @param lease       how long the job stays held if this node stops renewing it (dies)
     * @param holdAtLeast how long after the start no node starts the job again, however soon this run ends
     */
    public boolean run(String name, Duration lease, Duration holdAtLeast, Runnable job) {
        if (!node.role().runsWorkers()) {
            return false;
        }
        Instant started = clock.instant();
        String holder = node.name() + "/" + UUID.randomUUID();
        if (!locks.take(name, holder, started, started.plus(lease))) {
            return false;
        }
        AtomicBoolean lost = new AtomicBoolean();
        AtomicBoolean over = new AtomicBoolean();
        String outcome = JobRuns.FAILED;
        long run = -1;
        ScheduledFuture<?> renewal = null;
        try {
            run = runs.started(name, node.name(), started);
            long every = Math.max(100, lease.toMillis() / 3);
            renewal = renewals.scheduleAtFixedRate(() -> renew(name, holder, lease, lost, over), every, every,
                    TimeUnit.MILLISECONDS);
            job.run();
            outcome = lost.get() ? JobRuns.LEASE_LOST : JobRuns.DONE;
            return true;
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
            // A renewal already past its check would otherwise push the lease out again after the release below.
            synchronized (over) {
                over.set(true);
            }
            finish(name, holder, run, started, holdAtLeast, outcome);
        }
    }

    private void renew(String name, String holder, Duration lease, AtomicBoolean lost, AtomicBoolean over) {
        synchronized (over) {
            if (!over.get()) {
                renewOnce(name, holder, lease, lost);
            }
        }
    }

    private void renewOnce(String name, String holder, Duration lease, AtomicBoolean lost) {
        try {
            if (!locks.renew(name, holder, clock.instant().plus(lease)) && lost.compareAndSet(false, true)) {
                log.warn("singleton job {} lost its lease while running: another node may run it too", name);
            }
        } catch (RuntimeException e) {
            // The next renewal tries again; the lease has two more thirds to go.
            log.debug("singleton job {}: renewing its lease failed: {}", name, e.toString());
        }
    }

    private void finish(String name, String holder, long run, Instant started, Duration holdAtLeast, String outcome) {
        try {
            Instant now = clock.instant();
            if (run >= 0) {
                runs.finished(run, now, outcome);
                runs.pruneBefore(name, now.minus(properties.runsKept()));
            }
            Instant heldFor = started.plus(holdAtLeast);
            locks.release(name, holder, heldFor.isAfter(now) ? heldFor : now);
        } catch (RuntimeException e) {
            // The lease runs out by itself; the run's row stays RUNNING.
            log.warn("singleton job {}: could not record the end of its run: {}", name, e.toString());
        }
    }

    /**
     * Starts the job on one of this node's job threads and returns at once, so the scheduler's thread is never held
     * by a job (nor by the database). Skipped when every job thread is busy or the node is stopping.
     */
    public void launch(String name, Duration lease, Duration holdAtLeast, Runnable job) {
        if (!running || !node.role().runsWorkers()) {
            return;
        }
        try {
            jobThreads.execute(() -> {
                try {
                    outage.run(() -> run(name, lease, holdAtLeast, job));
                } catch (RuntimeException e) {
                    log.warn("singleton job {} failed", name, e);
                }
            });
        } catch (RejectedExecutionException busy) {
            log.info("singleton job {} skipped this time: all {} job threads are busy", name, properties.jobThreads());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets running jobs finish for {@code ferry.schedule.shutdown-wait}, then interrupts them. */
    @Override
    public void stop() {
        running = false;
        jobThreads.shutdown();
        try {
            if (!jobThreads.awaitTermination(properties.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                jobThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobThreads.shutdownNow();
        }
        // A job that ignored the interrupt runs on without renewing: its lease runs out as a dead node's would.
        renewals.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
