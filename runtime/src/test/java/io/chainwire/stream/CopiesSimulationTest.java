package io.chainwire.stream;

import static io.chainwire.stream.SimulationAssertions.assertOracleHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.stream.simulation.Copies;
import io.chainwire.stream.simulation.Copies.Where;
import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulatedStore;
import io.chainwire.stream.simulation.SimulationHandler;
import io.chainwire.stream.simulation.SimulationResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded runs of two or three copies of the stream sharing one store, each mixing the default faults of chain, nodes,
 * store and handler (see {@link Scenario#fromSeed}) with faults of copies (see {@link Scenario#copiesFromSeed}): pauses
 * longer than the lease (where a copy waits, between two handler calls of a unit of work, between its last handler call
 * and its commit), partitions from the store and from the nodes, kills and clean shutdowns. The oracle judges what the
 * store committed, and the copies' harness what only copies can get wrong: two copies committing under one epoch, a
 * commit of a stale epoch, handler calls after a lease lapsed by the store's clock from a copy that was not paused, a
 * copy that ended without being killed or stopped.
 *
 * <p>{@code -Dchainwire.simulation.copies.seeds=N} sets how many seeds run (the {@code simulation} and {@code copies}
 * profiles run thousands); {@code -Dchainwire.simulation.copies.seed=S} replays one seed alone, as a failure says;
 * {@code -Dchainwire.simulation.trace=N} keeps (and {@code .shown=N} prints) more of its trace, and
 * {@code -Dchainwire.simulation.dump=true} prints the trace kept of a seed replayed alone even when it passes.
 *
 * <p>The scripted scenarios each run two copies over a chain to backfill (one range of a few hundred blocks, so one
 * unit of work with hundreds of handler calls) and follow, and make one thing happen to the leader.
 */
class CopiesSimulationTest {
    /** About 15 s of real time and 20 s of CPU (JIT and GC included): the default build's share. */
    private static final int DEFAULT_SEEDS = 150;

    @Test
    void everySeedKeepsTheOraclesPromises() {
        long[] totals = new long[10];
        SimulationAssertions.assertEverySeedHolds(
                "chainwire.simulation.copies",
                DEFAULT_SEEDS,
                Scenario::copiesFromSeed,
                result -> {
                    Copies.Report report = result.copies().orElseThrow();
                    totals[0] += report.incarnations().stream()
                            .filter(Copies.Incarnation::killed)
                            .count();
                    totals[1] += report.incarnations().stream()
                            .filter(Copies.Incarnation::shutDown)
                            .count();
                    totals[2] += report.pauses(Where.NOW);
                    totals[3] += report.pauses(Where.HANDLER_CALL);
                    totals[4] += report.pauses(Where.COMMIT);
                    totals[5] += report.incarnations().stream()
                            .mapToInt(run -> run.storeCuts() + run.nodeCuts())
                            .sum();
                    totals[6] += report.grants().size();
                    totals[7] += report.commits().size();
                    totals[8] += report.refusals().size();
                    totals[9] += report.staleCalls();
                },
                () -> "; " + totals[0] + " kills, " + totals[1] + " clean shutdowns, pauses " + totals[2] + " waiting/"
                        + totals[3] + " mid-unit/" + totals[4] + " before a commit, " + totals[5] + " partitions, "
                        + totals[6]
                        + " leases granted, " + totals[7] + " commits, " + totals[8] + " refused by fencing, "
                        + totals[9]
                        + " handler calls made after a lease lapsed or was taken over (none committed)");
    }

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration RENEWAL = Duration.ofSeconds(3);

    /**
     * Two copies, a lease of 10 s renewed every 3 s, and a chain of 400 blocks to backfill in one range, then follow.
     */
    private static Scenario twoCopies(long seed) {
        Scenario scenario = Scenario.quiet(seed);
        scenario.copies = 2;
        scenario.leaseDuration = LEASE;
        scenario.leaseRenewal = RENEWAL;
        scenario.initialBlocks = 400;
        scenario.activityBlocks = 20;
        scenario.busyShare = 0.8;
        scenario.finalityDistance = 64;
        scenario.maxRange = 2_000;
        return scenario;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aLeaderPausedMidRangePastItsLeaseStopsAtItsNextHandlerCallAndStandsBy(long seed) {
        PausedLeader paused = pauseTheLeader(seed, Where.HANDLER_CALL, 50);
        // The call it was paused in goes on when it wakes; the next one is not made.
        assertEquals(
                1,
                paused.copy.lapsedCalls() + paused.copy.takenOverCalls(),
                "handler calls after its lease was taken over");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aLeaderPausedBetweenItsLastHandlerCallAndItsCommitPastItsLeaseIsFencedAndStandsBy(long seed) {
        PausedLeader paused = pauseTheLeader(seed, Where.COMMIT, 1);
        assertEquals(
                0,
                paused.copy.lapsedCalls() + paused.copy.takenOverCalls(),
                "handler calls after its lease was taken over");
        assertTrue(
                paused.report.refusals().stream()
                        .anyMatch(refusal ->
                                refusal.copy() == paused.copy.id() && refusal.time() >= paused.pause.until()),
                "the paused leader's commit is refused: " + paused.report.refusals());
    }

    @Test
    void aCleanShutdownOfTheLeaderHandsOverAtOnce() {
        Scenario scenario = twoCopies(1);
        scenario.leaseDuration = Duration.ofSeconds(60);
        scenario.leaseRenewal = Duration.ofSeconds(5);
        scenario.steps.add(new Scenario.Step(
                Duration.ofSeconds(100),
                "stop the leader",
                world -> world.copies().stopTheLeader(Duration.ofMinutes(10))));
        Copies.Report report = assertOracleHolds(scenario).copies().orElseThrow();

        long released = report.releases().stream()
                .filter(time -> time >= Duration.ofSeconds(100).toNanos())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the leader released no lease: " + report));
        SimulatedStore.Grant next = report.grants().stream()
                .filter(grant -> grant.time() >= released)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no copy took over: " + report.grants()));
        // The standby asks for the lease every renewal period: it takes over within one, not after the lease's 60 s.
        assertTrue(
                next.time() - released <= scenario.leaseRenewal.toNanos(),
                "took over " + Duration.ofNanos(next.time() - released) + " after the release");
    }

    @ParameterizedTest(name = "its store calls hang: {0}")
    @ValueSource(booleans = {true, false})
    void aLeaderCutOffFromTheStoreStopsDeliveringBeforeItsLeaseCanHaveExpired(boolean hang) {
        for (long seed = 1; seed <= 3; seed++) {
            Scenario scenario = twoCopies(seed);
            scenario.initialBlocks = 30;
            if (!hang) {
                // Time passes inside a unit of work while a handler call is retried: every event fails a few times
                // first.
                scenario.handler = new SimulationHandler.Script(seed, 1.0, 6, 0);
                scenario.initialBackoff = Duration.ofSeconds(1);
                scenario.maxBackoff = Duration.ofSeconds(30);
            }
            scenario.steps.add(new Scenario.Step(
                    Duration.ofSeconds(100),
                    "cut the leader off from the store",
                    world -> world.copies().cutLeaderFromStore(LEASE.multipliedBy(hang ? 3 : 5), hang)));
            // The oracle of copies fails the run if the cut-off leader calls a handler once the store let its lease
            // lapse, or still says it leads when the other copy takes over.
            Copies.Report report = assertOracleHolds(scenario).copies().orElseThrow();

            long cut = Duration.ofSeconds(100).toNanos();
            assertTrue(
                    report.grants().stream().anyMatch(grant -> grant.time() > cut && grant.takeover()),
                    "the other copy took over: " + report.grants());
            assertEquals(0, report.staleCalls(), "handler calls after a lease lapsed or was taken over");
        }
    }

    /** A leader paused past its lease, in the run of copies it was paused in. */
    private record PausedLeader(Copies.Report report, Copies.Incarnation copy, Copies.Pause pause) {}

    /**
     * Runs two copies whose leader pauses for three leases when it reaches {@code where} for the {@code calls}-th time,
     * in the middle of its backfill, and checks what any such pause must lead to: the other copy took over meanwhile,
     * the paused one committed nothing more and, once awake, stood by.
     */
    private static PausedLeader pauseTheLeader(long seed, Where where, int calls) {
        Scenario scenario = twoCopies(seed);
        scenario.steps.add(new Scenario.Step(
                Duration.ZERO,
                "arm a pause of the leader in the middle of its backfill",
                world -> world.copies().pauseLeader(where, calls, LEASE.multipliedBy(3))));
        Copies.Report report = assertOracleHolds(scenario).copies().orElseThrow();

        Copies.Incarnation paused = report.incarnations().stream()
                .filter(run -> !run.pauses().isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no copy was paused: " + report));
        Copies.Pause pause = paused.pauses().get(0);
        assertTrue(pause.leading(), "the paused copy led when it was paused");
        assertTrue(
                report.grants().stream()
                        .anyMatch(grant -> grant.copy() != paused.id()
                                && grant.time() > pause.from()
                                && grant.time() < pause.until()),
                "another copy took the lease over during the pause: " + report.grants());
        assertNoCommitSince(report, paused, pause.from());
        assertStandsByAfter(paused, pause.until());
        return new PausedLeader(report, paused, pause);
    }

    private static void assertNoCommitSince(Copies.Report report, Copies.Incarnation copy, long since) {
        assertTrue(
                report.commits().stream().noneMatch(commit -> commit.copy() == copy.id() && commit.time() >= since),
                copy.name() + " committed after " + Duration.ofNanos(since));
    }

    private static void assertStandsByAfter(Copies.Incarnation copy, long woke) {
        Copies.RoleChange next = copy.roles().stream()
                .filter(change -> change.time() >= woke)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(copy.name() + " reported no role after it woke: " + copy.roles()));
        assertEquals(StreamRole.STANDBY, next.role(), copy.name() + " after it woke: " + copy.roles());
    }

    @Test
    void aSeedReplaysExactly() {
        // The first seeds with kills, pauses and takeovers, so that the replay covers them.
        List<Long> busy = LongStream.rangeClosed(1, 60)
                .boxed()
                .filter(seed -> {
                    SimulationResult result = Simulation.run(Scenario.copiesFromSeed(seed));
                    return result.crashes() > 0
                            && result.copies().orElseThrow().grants().size() > 2
                            && result.copies().orElseThrow().incarnations().stream()
                                    .anyMatch(run -> !run.pauses().isEmpty());
                })
                .limit(3)
                .toList();
        assertEquals(3, busy.size(), "seeds with kills, pauses and takeovers among the first sixty: " + busy);
        for (long seed : busy) {
            SimulationAssertions.assertReplaysExactly(seed, Scenario::copiesFromSeed);
        }
    }
}
