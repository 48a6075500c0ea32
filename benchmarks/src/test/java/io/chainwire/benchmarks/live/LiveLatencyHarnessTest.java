package io.chainwire.benchmarks.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the live harness on a few blocks per transport: each block's handler call arrives (the harness checks its block
 * number) after the block was mined. Nothing here is timed.
 */
class LiveLatencyHarnessTest {
    @Test
    void everyMinedBlockReachesTheHandlerOverBothTransports() throws Exception {
        LiveLatencyHarness.Settings settings = LiveLatencyHarness.Settings.parse("blocks=15", "warmup=2", "poll=50");
        List<LiveLatencyHarness.Latencies> results = LiveLatencyHarness.run(settings);

        assertEquals(2, results.size());
        for (LiveLatencyHarness.Latencies latencies : results) {
            assertEquals(15, latencies.nanos().length);
            assertTrue(Arrays.stream(latencies.nanos()).allMatch(nanos -> nanos > 0), latencies.transport());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LiveLatencyHarness.print(settings, results, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("| WebSocket |"));
    }

    @Test
    void percentilesAreNearestRank() {
        LiveLatencyHarness.Latencies latencies = new LiveLatencyHarness.Latencies("t", new long[0], new long[0]);
        long[] values = {4_000_000, 1_000_000, 3_000_000, 2_000_000};
        assertEquals(2.0, latencies.percentile(values, 50));
        assertEquals(4.0, latencies.percentile(values, 99));
        assertEquals(1.0, latencies.percentile(values, 1));
    }

    @Test
    void settingsRejectUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> LiveLatencyHarness.Settings.parse("speed=1"));
    }
}
