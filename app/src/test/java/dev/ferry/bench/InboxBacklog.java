package dev.ferry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The webhook inbox's backlog as the benchmark sees it from outside Ferry: deliveries stored and not processed yet
 * ({@code status = 'PENDING'}, claimed or not), read once a second over a connection of its own.
 */
final class InboxBacklog implements AutoCloseable {

    /** How soon after the load ends the backlog must be back to 0 for the workers to have kept up. */
    static final Duration CATCH_UP = Duration.ofSeconds(5);

    private static final String PENDING = "select count(*) from webhook_delivery where status = 'PENDING'";

    private final Connection connection;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backlog-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Long> perSecond = java.util.Collections.synchronizedList(new ArrayList<>());
    private long started;

    private InboxBacklog(Connection connection) {
        this.connection = connection;
    }

    static InboxBacklog open(String url) throws SQLException {
        return new InboxBacklog(DriverManager.getConnection(url));
    }

    synchronized long pending() {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(PENDING)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the backlog", e);
        }
    }

    void awaitEmpty(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long pending;
        while ((pending = pending()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up's backlog (" + pending + ") did not drain within " + limit);
            }
            Thread.sleep(200);
        }
    }

    void startSampling() {
        started = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> perSecond.add(pending()), 1, 1, TimeUnit.SECONDS);
    }

    /** Called when the load has ended: samples every 100 ms from then on until the backlog is 0 (or 2 minutes). */
    Drain stopSamplingOnceEmpty() throws InterruptedException {
        long loadEnded = System.nanoTime();
        long atEnd = pending();
        long pending = atEnd;
        long deadline = loadEnded + Duration.ofMinutes(2).toNanos();
        while (pending > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            pending = pending();
        }
        long drained = System.nanoTime();
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        List<Long> samples;
        synchronized (perSecond) {
            samples = List.copyOf(perSecond);
        }
        return new Drain(samples, atEnd, pending == 0 ? Duration.ofNanos(drained - loadEnded) : null,
                Duration.ofNanos(loadEnded - started));
    }

    /** Every stored delivery, by how processing ended, and how many were claimed more than once. */
    Tally tally() throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
                select count(*), sum(case when status = 'PROCESSED' then 1 else 0 end),
                       sum(case when status = 'PENDING' then 1 else 0 end), sum(case when attempts <> 1 then 1 else 0 end)
                from webhook_delivery""")) {
            rows.next();
            return new Tally(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
        }
    }

    @Override
    public void close() throws SQLException {
        sampler.shutdownNow();
        connection.close();
    }

    /** The backlog each second of the load, at its end, and how long after it the backlog was 0 (null: never). */
    record Drain(List<Long> perSecond, long atEnd, Duration toEmpty, Duration load) {

        long peak() {
            return Math.max(atEnd, perSecond.stream().mapToLong(Long::longValue).max().orElse(0));
        }

        boolean caughtUp() {
            return toEmpty != null && toEmpty.compareTo(CATCH_UP) <= 0;
        }

        String describe() {
            return String.format("backlog (stored, not processed yet) each second of the load: %s%n"
                    + "backlog: peak %d, at the load's end %d, back to 0 %s%n", perSecond, peak(), atEnd,
                    toEmpty == null ? "NOT within 2 minutes" : String.format("%.1f s after the load's end", toEmpty.toMillis() / 1000.0));
        }
    }

    /** Rows stored, processed, still pending, and claimed more than once (each was processed once if 0). */
    record Tally(long stored, long processed, long pending, long claimedAgain) {

        boolean exactlyOnce(long answered) {
            return stored == answered && processed == stored && pending == 0 && claimedAgain == 0;
        }

        String describe(long answered) {
            return String.format("deliveries answered 204 %d (warm-up + measured), stored %d, processed %d, pending %d, "
                    + "claimed more than once %d%n%s", answered, stored, processed, pending, claimedAgain,
                    exactlyOnce(answered) ? "OK: every delivery answered 204 stored and processed exactly once"
                            : "MISMATCH: not every delivery answered was stored and processed exactly once");
        }
    }
}
