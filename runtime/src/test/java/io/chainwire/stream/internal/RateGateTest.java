package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateGateTest {
    private long now = 1_000_000_000L;
    private final RateGate gate = new RateGate(() -> now);

    @Test
    void anOpenGateNeverMakesRequestsWait() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, gate.reserve());
        }
    }

    @Test
    void aRateLimitSpacesRequestsAndEachOneMoreDoublesTheSpacing() {
        gate.limited(Optional.empty());
        assertEquals(Duration.ofMillis(100), gate.reserve());
        assertEquals(Duration.ofMillis(200), gate.reserve());
        gate.limited(Optional.empty());
        assertEquals(Duration.ofMillis(200), gate.spacing());
    }

    @Test
    void honoursRetryAfter() {
        gate.limited(Optional.of(Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(3), gate.reserve());
    }

    @Test
    void theSpacingIsCapped() {
        for (int i = 0; i < 20; i++) {
            gate.limited(Optional.empty());
        }
        assertEquals(Duration.ofSeconds(10), gate.spacing());
    }

    @Test
    void runsOfSuccessesRelaxTheSpacingUntilTheGateIsOpen() {
        gate.limited(Optional.empty());
        gate.limited(Optional.empty());
        assertEquals(Duration.ofMillis(200), gate.spacing());
        succeed(RateGate.RELAX_AFTER);
        assertEquals(Duration.ofMillis(100), gate.spacing());
        succeed(RateGate.RELAX_AFTER);
        assertEquals(Duration.ZERO, gate.spacing());
        now += Duration.ofSeconds(10).toNanos();
        assertEquals(Duration.ZERO, gate.reserve());
    }

    private void succeed(int times) {
        for (int i = 0; i < times; i++) {
            gate.succeeded();
        }
    }
}
