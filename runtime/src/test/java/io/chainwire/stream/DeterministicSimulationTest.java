package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded runs of the stream engine against simulated nodes, each mixing what today's engine is
 * meant to handle (see {@link Scenario#fromSeed}): reorganisations, node faults, crashes and
 * restarts from the checkpoint, store failures, handler failures under every error policy, range
 * and rate limits, 0 to 3 confirmations, one or two endpoints, polling and subscriptions. The oracle
 * judges each.
 *
 * <p>{@code -Dchainwire.simulation.seeds=N} sets how many seeds run (the {@code simulation} profile
 * runs thousands); {@code -Dchainwire.simulation.seed=S} replays one seed alone, as a failure says;
 * {@code -Dchainwire.simulation.trace=N} keeps (and {@code .shown=N} prints) more of its trace.
 */
class DeterministicSimulationTest {
  /** About 20 s of CPU time (two shared cores: 20 to 40 s): the default build's share. */
  private static final int DEFAULT_SEEDS = 300;

  @Test
  void everySeedKeepsTheOraclesPromises() {
    String single = System.getProperty("chainwire.simulation.seed");
    boolean alone = single != null && !single.isBlank();
    long[] seeds = alone
        ? new long[] {Long.parseLong(single.strip())}
        : LongStream.range(0, Long.getLong("chainwire.simulation.seeds", DEFAULT_SEEDS)).toArray();
    List<String> violations = new ArrayList<>();
    long start = System.nanoTime();
    for (long seed : seeds) {
      SimulationResult result = Simulation.run(Scenario.fromSeed(seed));
      if (alone || Boolean.getBoolean("chainwire.simulation.verbose")) {
        System.out.println(result.summary());
      }
      result.violation().ifPresent(violations::add);
    }
    System.out.printf("%d simulation seeds in %d ms: %d violations%n",
        seeds.length, (System.nanoTime() - start) / 1_000_000, violations.size());
    if (!violations.isEmpty()) {
      fail(violations.size() + " of " + seeds.length + " seeds broke the oracle; the first:\n" + violations.get(0));
    }
  }

  @Test
  void aSeedReplaysExactly() {
    // The first seeds with crashes, reorganisations and a long trace, so that the replay covers them.
    List<Long> busy = LongStream.rangeClosed(1, 100).boxed()
        .filter(seed -> {
          SimulationResult result = Simulation.run(Scenario.fromSeed(seed));
          return result.crashes() > 0 && result.reorgs() > 0 && result.traceEntries() > 1_000;
        })
        .limit(3)
        .toList();
    assertEquals(3, busy.size(), "seeds with crashes and reorganisations among the first hundred: " + busy);
    for (long seed : busy) {
      SimulationResult first = Simulation.run(Scenario.fromSeed(seed));
      SimulationResult second = Simulation.run(Scenario.fromSeed(seed));
      assertEquals(first.lastEntries(), second.lastEntries(), "seed " + seed);
      assertEquals(first.traceEntries(), second.traceEntries(), "seed " + seed);
      assertEquals(first.traceDigest(), second.traceDigest(), "seed " + seed);
      assertEquals(first.journal(), second.journal(), "seed " + seed);
      assertEquals(first.violation(), second.violation(), "seed " + seed);
    }
  }

}
