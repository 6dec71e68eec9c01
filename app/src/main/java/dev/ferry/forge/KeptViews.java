package dev.ferry.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Recent lookups kept for a short time, absent answers too: every Forge call and every Jira call asks, and most of
 * the time nothing changed. This node's own changes are seen at once because they {@link #forget} the key.
 */
final class KeptViews<V> {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Supplier<Duration> ttl;
    private final Clock clock;

    KeptViews(Supplier<Duration> ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<V> get(String key, Function<String, Optional<V>> load) {
        Instant now = clock.instant();
        Kept<V> entry = kept.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value();
        }
        Optional<V> value = load.apply(key);
        if (!ttl.get().isZero()) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(key, new Kept<>(value, now.plus(ttl.get())));
        }
        return value;
    }

    void forget(String key) {
        if (key != null) {
            kept.remove(key);
        }
    }

    private record Kept<V>(Optional<V> value, Instant until) {
    }
}
