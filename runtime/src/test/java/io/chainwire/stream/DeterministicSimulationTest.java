package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Disabled;
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

  private static final String STALE_HEAD = "with 0 confirmations, a reorganisation orphans the head the engine read "
      + "while it catches up block by block; it then handles the orphaned head again and again without waiting "
      + "(see StreamEngineSimulationTest#aHeadOrphanedWhileTheStreamCatchesUpIsReadAgain)";

  /**
   * Seeds of the default mix that today's engine fails, and why. The main test skips them (saying
   * so); {@link #knownEngineBugs()} runs them. Remove a seed once its bug is fixed.
   */
  private static final Map<Long, String> KNOWN_ENGINE_BUGS = Map.of(
      942L, STALE_HEAD, 1092L, STALE_HEAD, 1298L, STALE_HEAD, 2411L, STALE_HEAD);

  @Test
  void everySeedKeepsTheOraclesPromises() {
    String single = System.getProperty("chainwire.simulation.seed");
    boolean alone = single != null && !single.isBlank();
    long[] seeds = alone
        ? new long[] {Long.parseLong(single.strip())}
        : LongStream.range(0, Long.getLong("chainwire.simulation.seeds", DEFAULT_SEEDS)).toArray();
    List<String> violations = new ArrayList<>();
    int skipped = 0;
    long start = System.nanoTime();
    for (long seed : seeds) {
      if (!alone && KNOWN_ENGINE_BUGS.containsKey(seed)) {
        System.out.println("seed " + seed + " skipped, a known engine bug: " + KNOWN_ENGINE_BUGS.get(seed));
        skipped++;
        continue;
      }
      SimulationResult result = Simulation.run(Scenario.fromSeed(seed));
      if (alone || Boolean.getBoolean("chainwire.simulation.verbose")) {
        System.out.println(result.summary());
      }
      result.violation().ifPresent(violations::add);
    }
    System.out.printf("%d simulation seeds in %d ms: %d violations, %d skipped as known engine bugs%n",
        seeds.length - skipped, (System.nanoTime() - start) / 1_000_000, violations.size(), skipped);
    if (!violations.isEmpty()) {
      fail(violations.size() + " of " + seeds.length + " seeds broke the oracle; the first:\n" + violations.get(0));
    }
  }

  @Test
  void aSeedReplaysExactly() {
    // Seeds with crashes, restarts and reorganisations, so that the replay covers them.
    for (long seed : new long[] {2, 7, 11}) {
      SimulationResult first = Simulation.run(Scenario.fromSeed(seed));
      SimulationResult second = Simulation.run(Scenario.fromSeed(seed));
      assertTrue(first.crashes() > 0 && first.reorgs() > 0 && first.traceEntries() > 1_000,
          "seed " + seed + " does too little to prove anything: " + first.summary());
      assertEquals(first.lastEntries(), second.lastEntries(), "seed " + seed);
      assertEquals(first.traceEntries(), second.traceEntries(), "seed " + seed);
      assertEquals(first.traceDigest(), second.traceDigest(), "seed " + seed);
      assertEquals(first.journal(), second.journal(), "seed " + seed);
      assertEquals(first.violation(), second.violation(), "seed " + seed);
    }
  }

  @Disabled("issue 8: the seeds of the default mix that today's engine fails; see KNOWN_ENGINE_BUGS")
  @Test
  void knownEngineBugs() {
    List<String> violations = new ArrayList<>();
    KNOWN_ENGINE_BUGS.keySet().stream().sorted().forEach(seed ->
        Simulation.run(Scenario.fromSeed(seed)).violation().ifPresent(violations::add));
    if (!violations.isEmpty()) {
      fail(violations.size() + " known seeds still fail; the first:\n" + violations.get(0));
    }
  }
}
