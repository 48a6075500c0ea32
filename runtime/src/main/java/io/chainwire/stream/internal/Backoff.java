package io.chainwire.stream.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the delay before retry {@code n} is uniform between zero and {@code min(max,
 * initial × 2^(n-1))}, so clients that failed together do not retry together.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    /**
     * Creates a backoff.
     *
     * @throws IllegalArgumentException if a delay is not positive or {@code max < initial}
     */
    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns the ceiling of the delay before retry {@code attempt} (1 for the first retry). */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        int doublings = Math.min(attempt - 1, 62);
        long ceiling = initialNanos > (maxNanos >> doublings) ? maxNanos : initialNanos << doublings;
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /** Returns a random delay between zero and {@link #ceiling(int)}. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toNanos();
        return Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
