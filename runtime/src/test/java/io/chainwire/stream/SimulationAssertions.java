package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.stream.simulation.Faults;
import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulationResult;
import java.time.Duration;
import java.util.function.LongFunction;

/** Scenarios and assertions shared by the simulation's tests. */
final class SimulationAssertions {
  private SimulationAssertions() {}

  /**
   * A chain to backfill (by ranges, some at or below the finalized block) and then follow, with a
   * reorganisation, on one HTTP node without faults, plus a second one if asked.
   */
  static Scenario backfillAndFollow(long seed, boolean secondNode) {
    Scenario scenario = Scenario.quiet(seed);
    scenario.initialBlocks = 150;
    scenario.activityBlocks = 25;
    scenario.busyShare = 0.8;
    scenario.finalityDistance = 64;
    scenario.maxRange = 25;
    scenario.reorgs = 1;
    scenario.maxReorgDepth = 3;
    scenario.confirmations = (int) (seed % 3);
    scenario.requestTimeout = Duration.ofSeconds(2);
    if (secondNode) {
      scenario.nodes.add(Faults.none());
      scenario.webSocket.add(false);
    }
    return scenario;
  }

  /** Runs the scenarios of seeds 1 to {@code seeds} and fails with the first violation. */
  static void assertOracleHolds(int seeds, LongFunction<Scenario> scenarios) {
    for (long seed = 1; seed <= seeds; seed++) {
      assertOracleHolds(scenarios.apply(seed));
    }
  }

  /** Runs {@code scenario} and fails with its violation, if any. */
  static SimulationResult assertOracleHolds(Scenario scenario) {
    SimulationResult result = Simulation.run(scenario);
    if (result.violation().isPresent()) {
      fail(result.violation().get());
    }
    return result;
  }
}
