package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.EventKey;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream runs on one chain with one filter: endpoints, checkpoint and configuration must agree on them, or it fails
 * before it delivers anything.
 */
@AnvilTest
class StreamRecordOnAnvilTest {
    private static StreamException failure(StreamHandle handle) throws InterruptedException {
        assertTrue(handle.awaitTermination(Duration.ofMinutes(1)), "the stream still runs: " + handle.state());
        assertEquals(StreamState.FAILED, handle.state());
        return handle.failure().orElseThrow();
    }

    @Test
    void refusesEveryEndpointOfAnotherChainThanTheConfiguredOne(Anvil anvil) throws InterruptedException {
        EmitterChain chain = EmitterChain.deploy(anvil);
        try (StreamHandle handle = chain.stream("other-chain")
                .endpoint(anvil.httpUrl().toString())
                .chainId(1)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(new Recorder())
                .build()
                .start()) {
            ChainMismatchException failure = assertInstanceOf(ChainMismatchException.class, failure(handle));
            assertEquals(
                    "stream 'other-chain': every endpoint serves another chain: " + anvil.httpUrl()
                            + " serves chain 31337, but stream 'other-chain' follows chain 1 (from the configured chainId)",
                    failure.getMessage());
        }
    }

    @Test
    void aRestartOnAnotherChainFailsBeforeDeliveringAnything(Anvil anvil, @TempDir Path directory) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        chain.ping(0, 2);
        Path file = directory.resolve("checkpoint.db");
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("restart")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(new Recorder())
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        Recorder recorder = new Recorder();
        try (Anvil other = Anvil.builder().chainId(5).start();
                CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("restart")
                        .endpoint(other.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .build()
                        .start()) {
            ChainMismatchException failure = assertInstanceOf(ChainMismatchException.class, failure(handle));
            assertEquals(
                    "stream 'restart': every endpoint serves another chain: " + other.httpUrl()
                            + " serves chain 5, but stream 'restart' follows chain 31337 (from its checkpoint)",
                    failure.getMessage());
            assertEquals(0, recorder.count());
        }
    }

    @Test
    void anAddressWithoutCodeFailsTheStreamWhenCodeIsRequired(Anvil anvil) throws InterruptedException {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Address nothing = Address.fromHex("0x00000000000000000000000000000000000c0de0");
        try (StreamHandle handle = chain.stream("no-code")
                .address(nothing)
                .endpoint(anvil.httpUrl().toString())
                .requireContractCode(true)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(new Recorder())
                .build()
                .start()) {
            ContractCodeMissingException failure =
                    assertInstanceOf(ContractCodeMissingException.class, failure(handle));
            assertTrue(
                    failure.getMessage()
                            .startsWith(
                                    "stream 'no-code': no contract code at [" + nothing + "] on chain 31337 at block "),
                    failure.getMessage());
        }
    }

    @Test
    void aRestartWithAnotherFilterFailsNamingTheDifference(Anvil anvil, @TempDir Path directory) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        chain.ping(0, 2);
        Path file = directory.resolve("checkpoint.db");
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("filtered")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(new Recorder())
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        Address added = Address.fromHex("0x00000000000000000000000000000000000000ad");
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("filtered")
                        .address(added)
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(new Recorder())
                        .build()
                        .start()) {
            FilterChangedException failure = assertInstanceOf(FilterChangedException.class, failure(handle));
            assertTrue(
                    failure.getMessage().contains("(addresses added [" + added.toHex() + "])"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Give the stream a new id"), failure.getMessage());
            assertTrue(failure.getMessage().contains("opt in with backfillAddedFilter(true)"), failure.getMessage());
        }
    }

    @Test
    void anAddedAddressHasItsHistoryDeliveredOnceWhenOptedInThoughABackfillBreaksOffHalfway(
            Anvil anvil, @TempDir Path directory) throws Exception {
        EmitterChain tracked = EmitterChain.deploy(anvil);
        EmitterChain added = EmitterChain.deploy(anvil);
        long breakOff = 0;
        for (int round = 0; round < 8; round++) {
            tracked.ping(round, 2);
            long block = added.ping(round, 3).blockNumber();
            breakOff = round == 5 ? block : breakOff;
        }
        Path file = directory.resolve("checkpoint.db");
        Recorder recorder = new Recorder();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = tracked.stream("widened")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        assertEquals(Set.copyOf(Recorder.keys(tracked.canonicalPings())), Set.copyOf(recorder.applied()));
        anvil.mine(100);
        added.ping(8, 3);
        long failing = breakOff;
        recorder.before((log, context) -> {
            if (log.meta().blockNumber() == failing) {
                throw new IllegalArgumentException("no events of block " + failing + " in this run");
            }
        });
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle =
                        widened(tracked, added, store, recorder).build().start()) {
            assertInstanceOf(HandlerFailedException.class, failure(handle));
        }
        List<EventKey> beforeTheBreak = recorder.applied();
        assertTrue(
                beforeTheBreak.size() > tracked.canonicalPings().size(),
                "the ranges of the backfill before the failing block stay delivered: " + beforeTheBreak.size());
        recorder.before((log, context) -> {});
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle =
                        widened(tracked, added, store, recorder).build().start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        Set<EventKey> expected = new HashSet<>(Recorder.keys(tracked.canonicalPings()));
        expected.addAll(Recorder.keys(added.canonicalPings()));
        assertEquals(expected, Set.copyOf(recorder.applied()));
        assertEquals(expected.size(), recorder.applied().size());
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = widened(tracked, added, store, recorder)
                        .backfillAddedFilter(false)
                        .build()
                        .start()) {
            // The new filter is recorded once its backfill is done: without the option, the stream runs.
            Waits.live(handle);
        }
        assertEquals(expected.size(), recorder.count());
    }

    @Test
    void aNarrowerFilterIsRecordedWithoutABackfillWhenOptedIn(Anvil anvil, @TempDir Path directory) throws Exception {
        EmitterChain kept = EmitterChain.deploy(anvil);
        EmitterChain dropped = EmitterChain.deploy(anvil);
        kept.ping(0, 2);
        dropped.ping(0, 3);
        Path file = directory.resolve("checkpoint.db");
        Recorder recorder = new Recorder();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = widened(kept, dropped, store, recorder)
                        .backfillAddedFilter(false)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        int both = recorder.count();
        kept.ping(1, 2);
        dropped.ping(1, 3);
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = kept.stream("widened")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .backfillAddedFilter(true)
                        .handler(recorder)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        assertEquals(both + 2, recorder.count(), "only the kept contract's new events");
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = kept.stream("widened")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .build()
                        .start()) {
            // The narrower filter was recorded: without the option, the stream runs.
            Waits.live(handle);
        }
    }

    private static EventStream.Builder widened(
            EmitterChain tracked, EmitterChain added, CheckpointStore store, Recorder recorder) {
        return tracked.stream("widened")
                .address(added.address())
                .endpoint(anvil(tracked))
                .checkpointStore(store)
                .maxRange(3)
                .backfillAddedFilter(true)
                .handler(recorder);
    }

    private static String anvil(EmitterChain chain) {
        return chain.anvil().httpUrl().toString();
    }
}
