package io.chainwire.stream.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.stream.ErrorPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The oracle convicts each kind of wrong outcome, so that a passing simulation means something. */
class OracleTest {
    private final World world = new World(busyChain());
    private final SimulatedChain chain = world.chain;
    private final Oracle oracle =
            new Oracle(chain, world.handler, new Oracle.Expectations(0, 0, ErrorPolicy.SKIP, Optional.empty(), false));

    private static Scenario busyChain() {
        Scenario scenario = Scenario.quiet(7);
        scenario.initialBlocks = 40;
        scenario.busyShare = 1;
        return scenario;
    }

    @Test
    void acceptsEveryCanonicalEventOnceInChainOrder() {
        assertEquals(Optional.empty(), oracle.check(state(applied(), chain.head())));
    }

    @Test
    void convictsAnEventAppliedTwice() {
        List<Effect> effects = applied();
        effects.add(effects.get(effects.size() - 1));
        assertViolation("applied twice", effects, chain.head());
    }

    @Test
    void convictsAMissingEvent() {
        List<Effect> effects = applied();
        effects.remove(3);
        assertViolation("missing", effects, chain.head());
    }

    @Test
    void convictsEventsOutOfOrder() {
        List<Effect> effects = applied();
        Collections.swap(effects, 3, 4);
        assertViolation("out of order", effects, chain.head());
    }

    @Test
    void convictsAnEventTheChainDoesNotHold() {
        List<Effect> effects = applied();
        RawLog real = effects.get(2).log();
        LogMeta meta = real.meta();
        RawLog invented = new RawLog(
                real.topics(),
                real.data(),
                new LogMeta(
                        meta.address(),
                        meta.blockNumber(),
                        meta.blockHash(),
                        Hash.keccak256("invented"),
                        meta.transactionIndex(),
                        meta.logIndex()));
        effects.set(2, new Effect(invented, false));
        assertViolation("made up", effects, chain.head());
    }

    @Test
    void convictsTheRemovalOfAnEventThatIsNotTheNewest() {
        List<Effect> effects = applied();
        effects.add(new Effect(effects.get(0).log(), true));
        assertViolation("not the newest applied one", effects, chain.head());
    }

    @Test
    void convictsTheRemovalOfACanonicalEvent() {
        List<Effect> effects = applied();
        effects.add(new Effect(effects.get(effects.size() - 1).log(), true));
        assertViolation("still canonical", effects, chain.head());
    }

    @Test
    void convictsAStreamThatStoppedShortOfTheHead() {
        SimulatedChain.Block below = chain.block(chain.head().number() - 1).orElseThrow();
        List<Effect> effects = new ArrayList<>();
        for (RawLog log : chain.watchedLogs(0, below.number())) {
            effects.add(new Effect(log, false));
        }
        assertViolation("stalled", effects, below);
    }

    @Test
    void convictsACheckpointOnAnOrphanedBlock() {
        List<Effect> effects = applied();
        SimulatedChain.Block head = chain.head();
        chain.reorg(1);
        assertViolation("not on the canonical chain", effects, head);
    }

    private List<Effect> applied() {
        List<Effect> effects = new ArrayList<>();
        for (RawLog log : chain.watchedLogs(0, chain.head().number())) {
            effects.add(new Effect(log, false));
        }
        assertTrue(effects.size() > 10, "the chain should be busy");
        return effects;
    }

    private void assertViolation(String expected, List<Effect> effects, SimulatedChain.Block head) {
        Optional<String> violation = oracle.check(state(effects, head));
        assertTrue(
                violation.isPresent() && violation.get().contains(expected),
                "expected a violation saying '" + expected + "', got " + violation);
    }

    private static SimulatedStore.State state(List<Effect> effects, SimulatedChain.Block head) {
        BlockRef ref = new BlockRef(head.number(), head.hash(), head.parentHash());
        Checkpoint checkpoint = new Checkpoint(World.STREAM, List.of(ref));
        return new SimulatedStore.State(1, Optional.of(checkpoint), List.of(), List.copyOf(effects));
    }
}
