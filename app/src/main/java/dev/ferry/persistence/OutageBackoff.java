package dev.ferry.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Paces a background worker through a database outage: after a failure that {@link DatabaseFailures}
 * calls an outage, the worker's steps are skipped for a delay that doubles with each failed attempt (1 s
 * up to 30 s), only one thread probes the database when it is up, and the failures are logged through a
 * {@link ThrottledLog}. The first step that succeeds ends the outage and says so. Any other failure
 * goes to the caller untouched.
 */
public final class OutageBackoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final String worker;
    private final Logger log;
    private final ThrottledLog failures;
    private final Clock clock;
    private int failedAttempts;
    private Instant since;
    private Instant retryAt;
    private Instant lastFailedAt;
    private Duration delay = Duration.ZERO;
    private boolean probing;

    /** @param worker how the log names the worker, e.g. "inbox worker" */
    public OutageBackoff(String worker, Logger log) {
        this(worker, log, Clock.systemUTC());
    }

    OutageBackoff(String worker, Logger log, Clock clock) {
        this.worker = worker;
        this.log = log;
        this.failures = new ThrottledLog(log, clock);
        this.clock = clock;
    }

    /** Runs the step unless the worker is waiting out an outage; false if it did not run or met an outage. */
    public boolean run(Runnable step) {
        return attempt(() -> {
            step.run();
            return true;
        }, false);
    }

    /** The step's result, or {@code otherwise} when the step is skipped or meets an outage. */
    public <T> T attempt(Supplier<T> step, T otherwise) {
        Instant started = clock.instant();
        if (!mayTry()) {
            return otherwise;
        }
        try {
            T result = step.get();
            succeeded(started);
            return result;
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.isOutage(failure)) {
                release();
                throw failure;
            }
            failed(failure, started);
            return otherwise;
        }
    }

    /** How long until the next attempt may run; zero when the database is not known to be out. */
    public synchronized Duration remaining() {
        if (failedAttempts == 0) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), retryAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private synchronized boolean mayTry() {
        if (failedAttempts == 0) {
            return true;
        }
        if (probing || clock.instant().isBefore(retryAt)) {
            return false;
        }
        probing = true;
        return true;
    }

    private synchronized void release() {
        probing = false;
    }

    /**
     * A step that began before the outage was noticed proves nothing about the database now (it may have
     * done its reads just before the cut), so it neither ends the outage nor says so.
     */
    private void succeeded(Instant started) {
        int attempts;
        Instant began;
        synchronized (this) {
            if (failedAttempts > 0 && started.isBefore(lastFailedAt)) {
                return;
            }
            attempts = failedAttempts;
            began = since;
            failedAttempts = 0;
            probing = false;
            delay = Duration.ZERO;
        }
        if (attempts > 0) {
            failures.reset();
            log.info("{}: the database is available again after {} failed attempts since {}", worker, attempts, began);
        }
    }

    /** Attempts that were already under way when the outage was noticed do not lengthen the wait. */
    private void failed(RuntimeException failure, Instant started) {
        Duration wait;
        synchronized (this) {
            if (failedAttempts > 0 && started.isBefore(lastFailedAt)) {
                return;
            }
            if (failedAttempts++ == 0) {
                since = clock.instant();
            }
            lastFailedAt = clock.instant();
            delay = delay.isZero() ? FIRST_DELAY : delay.multipliedBy(2);
            if (delay.compareTo(MAX_DELAY) > 0) {
                delay = MAX_DELAY;
            }
            retryAt = clock.instant().plus(delay);
            probing = false;
            wait = delay;
        }
        failures.warn(worker + " paused for " + wait.toSeconds() + " s, the database is unavailable", failure);
    }
}
