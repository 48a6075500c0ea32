package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.EventKey;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@AnvilTest
class ReorgOnAnvilTest {
    private static final Comparator<Recorder.Delivery> CHAIN_ORDER =
            Comparator.comparingLong(Recorder.Delivery::block).thenComparingInt(Recorder.Delivery::logIndex);

    @ParameterizedTest
    @CsvSource({"1, http", "2, http", "3, http", "4, http", "5, http", "1, ws", "2, ws", "3, ws", "4, ws", "5, ws"})
    void deliversTheRemovalsInReverseOrderThenTheNewBranch(int depth, String transport, Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (StreamHandle handle = LiveOnAnvilTest.endpoints(
                        chain.stream("reorg-" + depth + "-" + transport), anvil, transport)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(recorder)
                .metrics(metrics)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 6; round++) {
                chain.ping(round, 3);
            }
            long head = anvil.blockNumber();
            Waits.handled(handle, head);
            List<Recorder.Delivery> before = recorder.deliveries();

            chain.reorg(depth, 100, 2);
            List<EventKey> canonical = Recorder.keys(chain.canonicalPings());
            Waits.until(
                    () -> recorder.applied().equals(canonical),
                    () -> "applied " + recorder.applied() + " vs " + canonical);

            List<Recorder.Delivery> after = recorder.deliveries().subList(before.size(), recorder.count());
            List<Recorder.Delivery> orphaned = before.stream()
                    .filter(delivery -> delivery.block() > head - depth)
                    .toList();
            List<Recorder.Delivery> removals = after.subList(0, orphaned.size());
            assertEquals(removalsNewestFirst(orphaned), removals);
            List<Recorder.Delivery> replay = after.subList(orphaned.size(), after.size());
            assertFalse(replay.stream().anyMatch(Recorder.Delivery::removed));
            assertEquals(replay.stream().sorted(CHAIN_ORDER).toList(), replay);
            assertEquals(depth * 2, replay.size());
            assertEquals(1, metrics.count("reorg"));
        }
    }

    @Test
    void confirmationsKeepAShallowReorgAwayFromTheHandlers(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();

        try (StreamHandle handle = chain.stream("reorg-confirmed")
                .endpoint(anvil.httpUrl().toString())
                .confirmations(3)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(recorder)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 6; round++) {
                chain.ping(round, 3);
            }
            chain.reorg(2, 100, 2);
            anvil.mine(3);
            Waits.handled(handle, anvil.blockNumber() - 3);
            chain.anvil().mine(3);
            Waits.handled(handle, anvil.blockNumber() - 3);
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
    }

    /**
     * The chain reorganises while the stream is down, and anvil forgets the orphaned blocks: the removals of the events
     * delivered before the restart come from the checkpoint store, newest first, then the new branch, and what the
     * handler applied ends equal to the chain.
     */
    @Test
    void deliversTheRemovalsOfBlocksHandledBeforeARestartFromTheCheckpointStore(Anvil anvil, @TempDir Path directory) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        Path file = directory.resolve("restart.db");
        long headBefore;
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("reorg-restart")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .build()
                        .start()) {
            Waits.live(handle);
            for (int round = 0; round < 4; round++) {
                chain.ping(round, 3);
            }
            headBefore = anvil.blockNumber();
            Waits.handled(handle, headBefore);
        }
        List<Recorder.Delivery> before = recorder.deliveries();
        assertEquals(Recorder.keys(chain.canonicalPings()), recorder.applied());

        int depth = 3;
        chain.reorg(depth, 100, 2);
        List<EventKey> canonical = Recorder.keys(chain.canonicalPings());
        long head = anvil.blockNumber();
        CountingMetrics metrics = new CountingMetrics();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("reorg-restart")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.until(
                    () -> recorder.applied().equals(canonical),
                    () -> "applied " + recorder.applied() + " vs " + canonical);
            Waits.handled(handle, head);
            assertEquals(
                    anvil.blockHash(head),
                    handle.lastHandledBlock().orElseThrow().hash());
        }

        List<Recorder.Delivery> after = recorder.deliveries().subList(before.size(), recorder.count());
        List<Recorder.Delivery> orphaned = before.stream()
                .filter(delivery -> delivery.block() > headBefore - depth)
                .toList();
        assertEquals(depth * 3, orphaned.size());
        assertEquals(removalsNewestFirst(orphaned), after.subList(0, orphaned.size()));
        List<Recorder.Delivery> replay = after.subList(orphaned.size(), after.size());
        assertFalse(replay.stream().anyMatch(Recorder.Delivery::removed));
        assertEquals(
                canonical.subList(canonical.size() - depth * 2, canonical.size()),
                replay.stream().map(Recorder.Delivery::key).toList());
        assertEquals(canonical, recorder.applied());
        assertEquals(1, metrics.count("reorg"));
    }

    /**
     * A stream that was down while the chain reorganised and then finalized the new branch rolls back its own unfinal
     * blocks on restart instead of refusing: it never saw them finalized.
     */
    @Test
    void rollsBackBlocksOrphanedWhileItWasDownEvenWhenTheNodeFinalizedTheOtherBranch(
            Anvil anvil, @TempDir Path directory) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        Path file = directory.resolve("restart.db");
        long headBefore;
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("reorg-downtime")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .build()
                        .start()) {
            Waits.live(handle);
            for (int round = 0; round < 4; round++) {
                chain.ping(round, 3);
            }
            headBefore = anvil.blockNumber();
            Waits.handled(handle, headBefore);
        }
        List<Recorder.Delivery> before = recorder.deliveries();
        assertEquals(Recorder.keys(chain.canonicalPings()), recorder.applied());

        int depth = 3;
        chain.reorg(depth, 100, 2);
        // The node finalizes the new branch past every block the stream handled before it comes back.
        anvil.mine(70);
        List<EventKey> canonical = Recorder.keys(chain.canonicalPings());
        long head = anvil.blockNumber();
        CountingMetrics metrics = new CountingMetrics();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("reorg-downtime")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.until(
                    () -> recorder.applied().equals(canonical),
                    () -> "applied " + recorder.applied() + " vs " + canonical);
            Waits.handled(handle, head);
            assertEquals(
                    anvil.blockHash(head),
                    handle.lastHandledBlock().orElseThrow().hash());
        }

        List<Recorder.Delivery> after = recorder.deliveries().subList(before.size(), recorder.count());
        List<Recorder.Delivery> orphaned = before.stream()
                .filter(delivery -> delivery.block() > headBefore - depth)
                .toList();
        assertEquals(depth * 3, orphaned.size());
        assertEquals(removalsNewestFirst(orphaned), after.subList(0, orphaned.size()));
        List<Recorder.Delivery> replay = after.subList(orphaned.size(), after.size());
        assertFalse(replay.stream().anyMatch(Recorder.Delivery::removed));
        assertEquals(
                canonical.subList(canonical.size() - depth * 2, canonical.size()),
                replay.stream().map(Recorder.Delivery::key).toList());
        assertEquals(canonical, recorder.applied());
        assertEquals(1, metrics.count("reorg"));
        assertTrue(anvil.blockNumber() - 64 > headBefore, "the orphaned blocks are below the node's finalized block");
    }

    @Test
    void haltsRatherThanRollBackBelowABlockItSawFinalized(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();

        try (StreamHandle handle = chain.stream("reorg-finalized")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(store)
                .handler(recorder)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 70; round++) {
                chain.ping(round, 1);
            }
            Waits.handled(handle, anvil.blockNumber());
            // A live stream records which of its blocks the node finalized every few seconds, with its next
            // block: ping until it recorded a block that the 70-deep reorganisation below orphans.
            int[] round = {70};
            Waits.until(
                    () -> {
                        chain.ping(round[0]++, 1);
                        Waits.handled(handle, anvil.blockNumber());
                        long seen = store.load(handle.id())
                                .flatMap(checkpoint -> checkpoint.record().finalized())
                                .map(BlockRef::number)
                                .orElse(-1L);
                        return seen > anvil.blockNumber() - 70;
                    },
                    () -> "finalized block seen: "
                            + store.load(handle.id())
                                    .map(checkpoint -> checkpoint.record().finalized()));
            int delivered = recorder.count();

            chain.reorg(70, 100, 1);
            Waits.until(() -> handle.state().isTerminal(), () -> "stream " + handle.state());
            assertEquals(StreamState.FAILED, handle.state());
            ReorgBelowFinalizedException failure = assertInstanceOf(
                    ReorgBelowFinalizedException.class, handle.failure().orElseThrow());
            assertTrue(failure.orphanedBlock() <= failure.finalizedBlock().number(), failure.getMessage());
            assertEquals(delivered, recorder.count(), "nothing removed");
        }
    }

    @Test
    void failsWhenTheChainReorganisesBelowEveryRememberedBlock(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();

        try (StreamHandle handle = chain.stream("reorg-deep")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(new InMemoryCheckpointStore(4))
                .handler(recorder)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 6; round++) {
                chain.ping(round, 1);
            }
            Waits.handled(handle, anvil.blockNumber());

            chain.reorg(6, 100, 1);
            Waits.until(() -> handle.state().isTerminal(), () -> "stream " + handle.state());
            assertInstanceOf(ReorgTooDeepException.class, handle.failure().orElseThrow());
        }
    }

    /** Returns the removals of {@code orphaned} deliveries as the stream delivers them: newest first. */
    private static List<Recorder.Delivery> removalsNewestFirst(List<Recorder.Delivery> orphaned) {
        List<Recorder.Delivery> removals = new ArrayList<>();
        for (int i = orphaned.size() - 1; i >= 0; i--) {
            Recorder.Delivery delivery = orphaned.get(i);
            removals.add(new Recorder.Delivery(delivery.key(), delivery.block(), delivery.logIndex(), true));
        }
        return removals;
    }
}
