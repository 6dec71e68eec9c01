package dev.ferry.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves forward, so expiry is tested without waiting. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    /** Starts at a fixed morning, the same on every run. */
    public MovableClock() {
        this(Instant.parse("2026-12-06T09:00:00Z"));
    }

    public MovableClock(Instant start) {
        now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
