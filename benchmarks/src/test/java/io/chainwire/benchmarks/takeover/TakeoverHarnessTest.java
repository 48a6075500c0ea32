package io.chainwire.benchmarks.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the takeover harness once per way of stopping the leader, with a one-second lease: after each stop the standby
 * copy takes over and delivers (the harness waits for its first event). Nothing here is timed.
 */
class TakeoverHarnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aStandbyTakesOverAfterTheLeaderIsKilledAndAfterItStopsCleanly(String store) throws Exception {
        TakeoverHarness.Settings settings =
                TakeoverHarness.Settings.parse("takeovers=1", "lease=1000", "renew=300", "block=50", "store=" + store);
        List<TakeoverHarness.Takeovers> results =
                TakeoverHarness.run(settings, new PrintStream(new ByteArrayOutputStream()));

        assertEquals(
                List.of(TakeoverHarness.Stop.KILL, TakeoverHarness.Stop.CLEAN),
                results.stream().map(TakeoverHarness.Takeovers::stop).toList());
        for (TakeoverHarness.Takeovers takeovers : results) {
            assertTrue(
                    Arrays.stream(takeovers.gapMicros()).allMatch(gap -> gap > 0),
                    takeovers.stop().name());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TakeoverHarness.print(settings, results, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(
                printed.toString(StandardCharsets.UTF_8).contains("| SIGKILL | 1 |"),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        TakeoverHarness.Takeovers takeovers =
                new TakeoverHarness.Takeovers(TakeoverHarness.Stop.KILL, new long[] {4_000, 1_000, 3_000, 2_000});
        assertEquals(2.0, takeovers.percentile(50));
        assertEquals(4.0, takeovers.percentile(100));
        assertEquals(1.0, takeovers.percentile(0));
    }

    @Test
    void settingsDefaultToTheStreamsLeaseOnPostgresqlAndRejectUnknownNames() {
        TakeoverHarness.Settings defaults = TakeoverHarness.Settings.parse();
        assertEquals(10_000, defaults.lease().toMillis());
        assertEquals(3_000, defaults.renew().toMillis());
        assertEquals(20, defaults.takeovers());
        assertTrue(defaults.postgresql());
        assertThrows(IllegalArgumentException.class, () -> TakeoverHarness.Settings.parse("speed=1"));
        assertThrows(IllegalArgumentException.class, () -> TakeoverHarness.Settings.parse("store=mysql"));
    }
}
