package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chainwire.checkpoint.StreamId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackfillProgressTest {
    private long now;

    @Test
    void reportsRatesAndTheTimeLeftAtMostOncePerInterval() {
        BackfillProgress progress = new BackfillProgress(StreamId.of("p"), 1, 10_000, () -> now, () -> 3);

        now += Duration.ofSeconds(2).toNanos();
        assertNull(progress.advance(1000, 1000, 50));
        now += Duration.ofSeconds(3).toNanos();
        assertEquals(
                "stream 'p': backfill at block 2000 of 10000 (20.0%), 400 blocks/s, 20 events/s, ETA 0m20s, 3 RPC retries",
                progress.advance(2000, 1000, 50));
        now += Duration.ofSeconds(1).toNanos();
        assertNull(progress.advance(3000, 1000, 0));
    }

    @Test
    void saysNothingForTheLastRange() {
        BackfillProgress progress = new BackfillProgress(StreamId.of("p"), 1, 100, () -> now, () -> 0);
        now += Duration.ofSeconds(30).toNanos();
        assertNull(progress.advance(100, 100, 0));
    }
}
