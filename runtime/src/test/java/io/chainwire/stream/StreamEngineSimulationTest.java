package io.chainwire.stream;

import static io.chainwire.stream.SimulationAssertions.assertOracleHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.stream.simulation.Faults;
import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulatedChain;
import io.chainwire.stream.simulation.SimulationResult;
import io.chainwire.stream.simulation.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's decisions, driven through the simulation without a node: the hand-off from backfill to live following,
 * the walk back to a reorganisation's fork point, and what the node's finalized block lets it roll back. Each test
 * scripts its chain on a quiet scenario (no faults, one HTTP node) and asks the oracle, then checks what the oracle
 * cannot know on its own, such as how many removals a reorganisation must have delivered.
 */
class StreamEngineSimulationTest {
    /** The store's window of recent blocks in the reorganisation tests. */
    private static final int WINDOW = 8;

    static Stream<Arguments> handOffs() {
        List<Arguments> cases = new ArrayList<>();
        for (int blocks : new int[] {0, 1, 15, 16, 17, 33, 200, 2_500}) {
            for (int confirmations : new int[] {0, 1, 3}) {
                for (int finality : new int[] {32, -1}) {
                    cases.add(Arguments.of(blocks, confirmations, finality));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} blocks before the start, {1} confirmations, finality distance {2}")
    @MethodSource("handOffs")
    void backfillHandsOverToLiveFollowingWithoutGapOrDuplicate(int blocks, int confirmations, int finality) {
        Scenario scenario = Scenario.quiet(blocks * 100L + confirmations * 10L + (finality < 0 ? 1 : 0));
        scenario.initialBlocks = blocks;
        scenario.confirmations = confirmations;
        scenario.finalityDistance = finality;
        scenario.busyShare = 0.9;
        scenario.maxRange = 50;
        scenario.activityBlocks = 20;
        SimulationResult result = assertOracleHolds(scenario);
        assertEquals(0, result.removals(), "removals without a reorganisation");
        assertEquals(result.journal().size(), result.handlerCalls(), "every event delivered once, no delivery undone");
    }

    /** When a reorganisation happens: while the stream follows the head, or while it is down. */
    enum When {
        LIVE,
        WHILE_DOWN;

        /** Schedules {@code reorg} on {@code scenario}, stopping the stream for a minute first if it is to be down. */
        void schedule(Scenario scenario, String name, Consumer<World> reorg) {
            if (this == WHILE_DOWN) {
                scenario.steps.add(new Scenario.Step(
                        Duration.ofSeconds(100),
                        "stop for a minute",
                        world -> world.stopStream(Duration.ofSeconds(60))));
            }
            scenario.steps.add(new Scenario.Step(Duration.ofSeconds(this == WHILE_DOWN ? 101 : 100), name, reorg));
        }

        int runs() {
            return this == WHILE_DOWN ? 2 : 1;
        }
    }

    static Stream<Arguments> depthsWithinTheWindow() {
        return IntStream.range(1, WINDOW)
                .boxed()
                .flatMap(depth -> Stream.of(When.values()).map(when -> Arguments.of(depth, when)));
    }

    @ParameterizedTest(name = "depth {0}, {1}")
    @MethodSource("depthsWithinTheWindow")
    void aReorganisationIsRolledBackToItsForkPoint(int depth, When when) {
        Reorg reorg = new Reorg(depth);
        Scenario scenario = reorganising(depth);
        when.schedule(scenario, "reorganise " + depth, reorg::apply);
        SimulationResult result = assertOracleHolds(scenario);
        assertEquals(when.runs(), result.runs());
        assertEquals(reorg.removals(), result.removals(), "removals of the orphaned blocks' events");
    }

    @ParameterizedTest
    @EnumSource(When.class)
    void aReorganisationAsDeepAsTheWindowFailsTheStreamWithoutRollingBack(When when) {
        Scenario scenario = reorganising(WINDOW);
        when.schedule(scenario, "reorganise " + WINDOW, world -> world.chain.reorg(WINDOW));
        scenario.expectedFailure = ReorgTooDeepException.class;
        SimulationResult result = assertOracleHolds(scenario);
        assertInstanceOf(ReorgTooDeepException.class, result.expectedFailure().orElseThrow());
        assertEquals(0, result.removals());
    }

    @Test
    void aReorganisationBelowTheFinalizedBlockWhileTheStreamWasDownIsRolledBack() {
        Reorg reorg = new Reorg(3);
        Scenario scenario = reorganising(3);
        scenario.finalityDistance = 32;
        When.WHILE_DOWN.schedule(scenario, "reorganise 3", reorg::apply);
        scenario.steps.add(new Scenario.Step(
                Duration.ofSeconds(120),
                "finalize the new branch",
                world -> world.chain.finalizeUpTo(world.chain.head().number())));
        SimulationResult result = assertOracleHolds(scenario);
        assertEquals(reorg.removals(), result.removals());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finalizedTags")
    void reorganisationsAreRolledBackWhateverTheNodeSaysIsFinalized(Faults.Finalized tag) {
        for (long seed = 1; seed <= 3; seed++) {
            Reorg live = new Reorg(3);
            Reorg whileDown = new Reorg(2);
            Scenario scenario = reorganising(3);
            scenario.finalityDistance = 32;
            scenario.nodes.get(0).finalized = tag;
            scenario.nodes.get(0).finalizedLag = 10;
            scenario.steps.add(new Scenario.Step(Duration.ofSeconds(60), "reorganise 3", live::apply));
            When.WHILE_DOWN.schedule(scenario, "reorganise 2", whileDown::apply);
            SimulationResult result = assertOracleHolds(scenario);
            assertEquals(live.removals() + whileDown.removals(), result.removals());
        }
    }

    static Stream<Faults.Finalized> finalizedTags() {
        return Stream.of(Faults.Finalized.values());
    }

    @Test
    void aHeadOrphanedWhileTheStreamCatchesUpIsReadAgain() {
        Scenario scenario = reorganising(2);
        scenario.nodes.get(0).maxLatencyMillis = 1_500;
        scenario.steps.add(new Scenario.Step(
                Duration.ofSeconds(60), "stop for 100 s", world -> world.stopStream(Duration.ofSeconds(100))));
        scenario.steps.add(new Scenario.Step(
                Duration.ofSeconds(163), "reorganise 2 while it catches up", world -> world.reorg(2)));
        assertOracleHolds(scenario);
    }

    /** A live stream on a chain without finality, whose store keeps {@link #WINDOW} blocks. */
    private static Scenario reorganising(int depth) {
        Scenario scenario = Scenario.quiet(1_000 + depth);
        scenario.initialBlocks = 30;
        scenario.activityBlocks = 20;
        scenario.finalityDistance = -1;
        scenario.busyShare = 1;
        scenario.recentBlocks = WINDOW;
        return scenario;
    }

    /** Reorganises the chain and counts the events it orphaned that the stream had handled. */
    private static final class Reorg {
        private final int depth;
        private long removals = -1;

        Reorg(int depth) {
            this.depth = depth;
        }

        void apply(World world) {
            Set<Hash> handled = world.store.committed(World.STREAM).checkpoint().orElseThrow().recentBlocks().stream()
                    .map(BlockRef::hash)
                    .collect(Collectors.toSet());
            removals = 0;
            for (SimulatedChain.Block block : world.chain.reorg(depth)) {
                if (!handled.contains(block.hash())) {
                    continue;
                }
                for (RawLog log : block.logs()) {
                    if (SimulatedChain.watched(log)) {
                        removals++;
                    }
                }
            }
            assertTrue(removals > 0, "the orphaned blocks hold no event the stream handled; pick another seed");
        }

        long removals() {
            return removals;
        }
    }

    /**
     * What {@link EventStream.Builder#concurrency(int)} promises: the stream holds at most twice as many ranges as it
     * fetches at once. With fetches on the delivery thread, it fetches exactly that many ranges before it delivers the
     * first.
     */
    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 2, 3})
    void holdsTwiceItsConcurrencyInRangesBeforeDeliveringTheFirst(int concurrency) {
        // Few events, so that the trace keeps everything before the first commit.
        Scenario scenario = Scenario.quiet(concurrency);
        scenario.initialBlocks = 60;
        scenario.finalityDistance = 16;
        scenario.busyShare = 0.05;
        scenario.maxRange = 5;
        scenario.concurrency = concurrency;
        scenario.activityBlocks = 1;
        List<String> trace = assertOracleHolds(scenario).lastEntries();
        int firstCommit = IntStream.range(0, trace.size())
                .filter(i -> trace.get(i).contains("store commit"))
                .findFirst()
                .orElseThrow();
        long rangesFetched = trace.subList(0, firstCommit).stream()
                .filter(entry -> entry.contains("eth_getLogs("))
                .count();
        assertEquals(2L * concurrency, rangesFetched, String.join("\n", trace.subList(0, firstCommit)));
    }
}
