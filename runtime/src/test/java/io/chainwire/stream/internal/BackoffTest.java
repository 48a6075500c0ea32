package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        assertEquals(Duration.ofMillis(100), backoff.ceiling(1));
        assertEquals(Duration.ofMillis(200), backoff.ceiling(2));
        assertEquals(Duration.ofMillis(3200), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(5), backoff.ceiling(7));
        assertEquals(Duration.ofSeconds(5), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void delaysAreSpreadBetweenZeroAndTheCeiling() {
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delay(3).toNanos();
            assertTrue(delay >= 0 && delay <= Duration.ofMillis(400).toNanos(), "delay " + delay);
            shortest = Math.min(shortest, delay);
            longest = Math.max(longest, delay);
        }
        assertTrue(shortest < Duration.ofMillis(40).toNanos(), "jitter reaches near zero: " + shortest);
        assertTrue(longest > Duration.ofMillis(360).toNanos(), "jitter reaches near the ceiling: " + longest);
    }

    @Test
    void rejectsBadBounds() {
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> backoff.ceiling(0));
    }
}
