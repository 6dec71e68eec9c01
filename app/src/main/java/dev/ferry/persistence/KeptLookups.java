package dev.ferry.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

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

    public Optional<V> get(String key, Function<String, Optional<V>> load) {
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

    public void forget(String key) {
        if (key != null) {
            kept.remove(key);
        }
    }

    public void forgetAll() {
        kept.clear();
    }

    private record Kept<V>(Optional<V> value, Instant until) {
    }
}
