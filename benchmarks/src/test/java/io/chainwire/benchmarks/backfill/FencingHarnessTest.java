package io.chainwire.benchmarks.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the fencing harness once on a few hundred logs per store: the backfill handles every log with fencing on and off
 * (it checks its own count). Nothing here is timed.
 */
class FencingHarnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theBackfillHandlesEveryLogWithFencingOnAndOff(String store) throws Exception {
        BackfillHarness.Settings settings = BackfillHarness.Settings.parse(
                "logs=300", "perTx=50", "range=2", "concurrency=2", "warmup=1", "rounds=1", "store=" + store);
        List<FencingHarness.Round> rounds = new ArrayList<>();
        EmittedLogs logs = FencingHarness.run(settings, rounds, new PrintStream(new ByteArrayOutputStream()));

        assertEquals(6, logs.lastBlock() - logs.firstBlock() + 1);
        assertEquals(1, rounds.size());
        assertTrue(rounds.get(0).fencedNanos() > 0 && rounds.get(0).unfencedNanos() > 0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FencingHarness.print(settings, logs, rounds, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(
                printed.toString(StandardCharsets.UTF_8).contains("(3 units of work)"),
                printed.toString(StandardCharsets.UTF_8));
    }
}
