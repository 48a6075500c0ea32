package io.chainwire.stream.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Slows requests to one endpoint after it answered "too many requests": each rate limit doubles the spacing between
 * requests (from 100 ms up to 10 s) and honours the {@code Retry-After} delay; every run of successes halves the
 * spacing again until requests flow freely. Thread-safe: parallel fetchers reserve slots in turn.
 */
public final class RateGate {
    static final long FIRST_SPACING_NANOS = Duration.ofMillis(100).toNanos();
    static final long MAX_SPACING_NANOS = Duration.ofSeconds(10).toNanos();
    static final int RELAX_AFTER = 20;

    private final LongSupplier clock;
    private long spacing;
    private long nextSlot;
    private int successes;

    /** Creates an open gate on the given nanosecond clock. */
    public RateGate(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.nextSlot = nanoClock.getAsLong();
    }

    /** Reserves the next request slot and returns how long to wait for it; zero when open. */
    public synchronized Duration reserve() {
        long now = clock.getAsLong();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + spacing;
        return Duration.ofNanos(slot - now);
    }

    /** Returns true if a request may go out at {@code now} without waiting for a slot. */
    public synchronized boolean isOpenAt(long now) {
        return nextSlot - now <= 0;
    }

    /** Records a rate-limit answer, with the delay the server asked for if it said one. */
    public synchronized void limited(Optional<Duration> retryAfter) {
        spacing = spacing == 0 ? FIRST_SPACING_NANOS : Math.min(MAX_SPACING_NANOS, spacing * 2);
        successes = 0;
        long now = clock.getAsLong();
        long earliest = now + retryAfter.map(Duration::toNanos).orElse(spacing);
        nextSlot = Math.max(nextSlot, earliest);
    }

    /** Records a successful request. */
    public synchronized void succeeded() {
        if (spacing > 0 && ++successes >= RELAX_AFTER) {
            spacing = spacing / 2 < FIRST_SPACING_NANOS ? 0 : spacing / 2;
            successes = 0;
        }
    }

    /** Returns the current spacing between requests; zero when open. */
    public synchronized Duration spacing() {
        return Duration.ofNanos(spacing);
    }
}
