package dev.ferry.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits shared by every node. The count lives in the database ({@link RateWindowStore}); a node
 * reserves a chunk of a window's permits at once and hands them out from memory, and once the database has
 * none left it refuses the rest of that window without asking again. A node never admits more than the
 * database granted it, so all nodes together stay within the limit, and a busy subject costs one write per
 * chunk rather than one per request. The price: permits a node reserved but did not use are lost to the others.
 */
@Component
public class RateWindows {

    /** Past this many subjects remembered, windows that ended are forgotten (at most once a second). */
    private static final int REMEMBERED = 10_000;

    private final ConcurrentMap<String, LocalWindow> local = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();
    private final RateWindowStore store;
    private final Clock clock;

    RateWindows(RateWindowStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Takes a permit: empty when granted, else how long until the window ends. */
    public Optional<Duration> take(String kind, String subject, Rate rate) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, rate.window().toMillis());
        LocalWindow window = local.computeIfAbsent(kind + ' ' + subject, key -> new LocalWindow());
        synchronized (window) {
            window.moveTo(start, rate);
            if (window.left == 0 && !window.full) {
                int granted = store.reserve(kind, subject, rate, Instant.ofEpochMilli(start));
                window.left = granted;
                window.full = granted == 0;
            }
            if (window.full) {
                return Optional.of(window.remaining(now));
            }
            window.left--;
        }
        sweepIfLarge(now);
        return Optional.empty();
    }

    /** Takes nothing: how long until the window ends when this node knows it is used up, else empty. */
    public Optional<Duration> refusing(String kind, String subject, Rate rate) {
        LocalWindow window = local.get(kind + ' ' + subject);
        if (window == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        synchronized (window) {
            return window.full && window.end > now ? Optional.of(window.remaining(now)) : Optional.empty();
        }
    }

    private void sweepIfLarge(long now) {
        long last = lastSweep.get();
        if (local.size() > REMEMBERED && now - last >= 1000 && lastSweep.compareAndSet(last, now)) {
            local.values().removeIf(window -> window.endedBy(now));
        }
    }

    /** What this node holds of one subject's current window. */
    private static final class LocalWindow {

        private long start = -1;
        private long end;
        private int left;
        private boolean full;

        void moveTo(long windowStart, Rate rate) {
            if (start != windowStart) {
                start = windowStart;
                end = windowStart + rate.window().toMillis();
                left = 0;
                full = false;
            }
        }

        /** Whole seconds, rounded up and at least one, as {@code Retry-After} carries them. */
        Duration remaining(long now) {
            return Duration.ofSeconds(Math.max(1, (end - now + 999) / 1000));
        }

        synchronized boolean endedBy(long now) {
            return end <= now;
        }
    }
}
