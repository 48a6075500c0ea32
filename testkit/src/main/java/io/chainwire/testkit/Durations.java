package io.chainwire.testkit;

import java.time.Duration;
import java.util.Objects;

/** Checks the durations that testkit options take. */
final class Durations {
    private Durations() {}

    /**
     * Returns {@code duration} if it is positive.
     *
     * @throws IllegalArgumentException naming {@code name} if it is zero or negative
     */
    static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }
}
