package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.stream.simulation.Faults;
import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/** Scenarios and assertions shared by the simulation's tests. */
final class SimulationAssertions {
    private SimulationAssertions() {}

    /**
     * A chain to backfill (by ranges, some at or below the finalized block) and then follow, with a reorganisation, on
     * one HTTP node without faults, plus a second one if asked.
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

    /**
     * Runs the seeds {@code property}{@code .seeds} asks for (seeds 0 to N - 1; {@code defaultSeeds} if unset), or only
     * the one {@code property}{@code .seed} replays, each as {@code scenarios} makes it, telling {@code each} of every
     * result; prints a summary of each seed with {@code -Dchainwire.simulation.verbose=true} (and of a seed replayed
     * alone), the trace kept of a seed replayed alone with {@code -Dchainwire.simulation.dump=true}, the first line of
     * each violation, and a line of totals ending with {@code totals}; then fails with the first violation.
     */
    static void assertEverySeedHolds(
            String property,
            long defaultSeeds,
            LongFunction<Scenario> scenarios,
            Consumer<SimulationResult> each,
            Supplier<String> totals) {
        String single = System.getProperty(property + ".seed");
        boolean alone = single != null && !single.isBlank();
        long[] seeds = alone
                ? new long[] {Long.parseLong(single.strip())}
                : LongStream.range(0, Long.getLong(property + ".seeds", defaultSeeds))
                        .toArray();
        List<String> violations = new ArrayList<>();
        long start = System.nanoTime();
        Duration cpuStart = cpuTime();
        for (long seed : seeds) {
            SimulationResult result = Simulation.run(scenarios.apply(seed));
            if (alone || Boolean.getBoolean("chainwire.simulation.verbose")) {
                System.out.println(result.summary());
            }
            if (alone && Boolean.getBoolean("chainwire.simulation.dump")) {
                result.lastEntries().forEach(System.out::println);
            }
            result.violation().ifPresent(violation -> {
                violations.add(violation);
                System.out.println(violation.lines().findFirst().orElse(violation));
            });
            each.accept(result);
        }
        System.out.printf(
                "%d seeds (%s) in %d ms, %d ms of CPU: %d violations%s%n",
                seeds.length,
                property,
                (System.nanoTime() - start) / 1_000_000,
                cpuTime().minus(cpuStart).toMillis(),
                violations.size(),
                totals.get());
        if (!violations.isEmpty()) {
            fail(violations.size() + " of " + seeds.length + " seeds broke the oracle; the first:\n"
                    + violations.get(0));
        }
    }

    /** Returns the CPU time this process has used, on every thread: a simulation of copies runs several. */
    private static Duration cpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Runs the scenario of {@code seed} twice and fails unless both runs did exactly the same. */
    static void assertReplaysExactly(long seed, LongFunction<Scenario> scenarios) {
        SimulationResult first = Simulation.run(scenarios.apply(seed));
        SimulationResult second = Simulation.run(scenarios.apply(seed));
        assertEquals(first.lastEntries(), second.lastEntries(), "seed " + seed);
        assertEquals(first.traceEntries(), second.traceEntries(), "seed " + seed);
        assertEquals(first.traceDigest(), second.traceDigest(), "seed " + seed);
        assertEquals(first.journal(), second.journal(), "seed " + seed);
        assertEquals(first.violation(), second.violation(), "seed " + seed);
        assertEquals(first.copies(), second.copies(), "seed " + seed);
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
