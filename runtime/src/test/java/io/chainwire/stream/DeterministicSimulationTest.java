package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulationResult;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded runs of the stream engine against simulated nodes, each mixing what today's engine is meant to handle (see
 * {@link Scenario#fromSeed}): reorganisations, node faults, crashes and restarts from the checkpoint, store failures,
 * handler failures under every error policy, range and rate limits, 0 to 3 confirmations, one or two endpoints, polling
 * and subscriptions. The oracle judges each.
 *
 * <p>{@code -Dchainwire.simulation.seeds=N} sets how many seeds run (the {@code simulation} profile runs thousands);
 * {@code -Dchainwire.simulation.seed=S} replays one seed alone, as a failure says;
 * {@code -Dchainwire.simulation.trace=N} keeps (and {@code .shown=N} prints) more of its trace.
 */
class DeterministicSimulationTest {
    /** About 20 s of CPU time (two shared cores: 20 to 40 s): the default build's share. */
    private static final int DEFAULT_SEEDS = 300;

    @Test
    void everySeedKeepsTheOraclesPromises() {
        SimulationAssertions.assertEverySeedHolds(
                "chainwire.simulation", DEFAULT_SEEDS, Scenario::fromSeed, result -> {}, () -> "");
    }

    @Test
    void aSeedReplaysExactly() {
        // The first seeds with crashes, reorganisations and a long trace, so that the replay covers them.
        List<Long> busy = LongStream.rangeClosed(1, 100)
                .boxed()
                .filter(seed -> {
                    SimulationResult result = Simulation.run(Scenario.fromSeed(seed));
                    return result.crashes() > 0 && result.reorgs() > 0 && result.traceEntries() > 1_000;
                })
                .limit(3)
                .toList();
        assertEquals(3, busy.size(), "seeds with crashes and reorganisations among the first hundred: " + busy);
        for (long seed : busy) {
            SimulationAssertions.assertReplaysExactly(seed, Scenario::fromSeed);
        }
    }
}
