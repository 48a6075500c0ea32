package io.chainwire.benchmarks.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the backfill harness once on a few hundred logs: every side sees every log (each checks its own count), and the
 * child JVM with the small heap succeeds. Nothing here is timed.
 */
class BackfillHarnessTest {
    @Test
    void everySideHandlesEveryLogAndTheSmallHeapChildSucceeds() throws Exception {
        BackfillHarness.Settings settings = BackfillHarness.Settings.parse(
                "logs=300", "perTx=50", "range=2", "concurrency=2", "warmup=1", "rounds=1");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BackfillHarness.Report report =
                BackfillHarness.run(settings, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertEquals(6, report.logs().lastBlock() - report.logs().firstBlock() + 1);
        assertEquals(1, report.rounds().size());
        assertTrue(
                report.rounds().get(0).ceilingBytes() > 300 * 500,
                "ceiling bytes " + report.rounds().get(0).ceilingBytes());
        assertTrue(report.child().startsWith("handled 300 logs"), report.child());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("| median |"));
    }

    @Test
    void rangesCoverTheBlocksWithoutGapsOrOverlap() {
        EmittedLogs logs = new EmittedLogs(java.net.URI.create("http://127.0.0.1:1"), null, 10, 20, 0);
        List<long[]> ranges = logs.ranges(4);
        assertEquals(
                List.of("10-13", "14-17", "18-20"),
                ranges.stream().map(r -> r[0] + "-" + r[1]).toList());
    }

    @Test
    void settingsRejectUnknownNamesAndUnevenCounts() {
        assertThrows(IllegalArgumentException.class, () -> BackfillHarness.Settings.parse("speed=1"));
        assertThrows(IllegalArgumentException.class, () -> BackfillHarness.Settings.parse("logs=120", "perTx=50"));
        assertThrows(IllegalArgumentException.class, () -> BackfillHarness.Settings.parse("rounds=0"));
    }

    @Test
    void settingsDefaultToSharedCoresAndSQLite() {
        BackfillHarness.Settings defaults = BackfillHarness.Settings.parse();
        assertFalse(defaults.pin());
        assertEquals(CheckpointStores.Kind.SQLITE, defaults.store());
        assertTrue(BackfillHarness.Settings.parse("pin=true").pin());
        assertEquals(
                CheckpointStores.Kind.POSTGRESQL,
                BackfillHarness.Settings.parse("store=postgresql").store());
        assertThrows(IllegalArgumentException.class, () -> BackfillHarness.Settings.parse("store=mysql"));
    }
}
