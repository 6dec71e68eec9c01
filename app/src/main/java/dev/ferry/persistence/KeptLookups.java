package dev.ferry.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recent lookups kept for a short time, absent answers too, for what is asked on every request or every Jira call
 * (a site's Connect tenant, a Forge installation) and most of the time has not changed. Another node's change is seen
 * within the time to live; this node's own changes at once, because they {@link #forget} the key.
 */
public final class KeptLookups<V> {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Supplier<Duration> ttl;
    private final Clock clock;

    public KeptLookups(Supplier<Duration> ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The kept answer for {@code key}, else {@code load}'s. When the answer is missing or too old, one thread loads it
     * and every other thread asking for that key meanwhile waits for that load instead of making its own: a busy key
     * costs one read per time to live, not one per thread that asked as it ran out.
     */
    public Optional<V> get(String key, Function<String, Optional<V>> load) {
        Instant now = clock.instant();
        Kept<V> entry = kept.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.answer();
        }
        Duration timeToLive = ttl.get();
        if (timeToLive.isZero()) {
            return load.apply(key);
        }
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        Kept<V> mine = new Kept<>(new CompletableFuture<>(), now.plus(timeToLive));
        Kept<V> current = kept.compute(key, (k, old) -> old != null && now.isBefore(old.until()) ? old : mine);
        if (current != mine) {
            return current.answer();
        }
        try {
            Optional<V> value = load.apply(key);
            mine.value().complete(value);
            return value;
        } catch (RuntimeException | Error failed) {
            kept.remove(key, mine);
            mine.value().completeExceptionally(failed);
            throw failed;
        }
    }

    /**
     * Forgets the key now and, when a transaction is writing the change, again once it ends: a lookup on this node
     * between the two read the row as it was and must not be kept for a whole time to live.
     */
    public void forgetWhenCommitted(String key) {
        if (key != null) {
            nowAndAfterTransaction(() -> forget(key));
        }
    }

    /** {@link #forgetAll()} now and again once the transaction writing the change ends. */
    public void forgetAllWhenCommitted() {
        nowAndAfterTransaction(this::forgetAll);
    }

    private static void nowAndAfterTransaction(Runnable forgetting) {
        forgetting.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetting.run();
                }
            });
        }
    }

    public void forget(String key) {
        if (key != null) {
            kept.remove(key);
        }
    }

    public void forgetAll() {
        kept.clear();
    }

    /** An answer, or the load of one under way; kept until {@code until}. */
    private record Kept<V>(CompletableFuture<Optional<V>> value, Instant until) {

        Optional<V> answer() {
            try {
                return value.join();
            } catch (CompletionException failed) {
                // The loading thread's failure, thrown to those who waited for it as to that thread.
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
        }
    }
}
