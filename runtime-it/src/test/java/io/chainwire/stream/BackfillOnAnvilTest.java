package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.FaultProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@AnvilTest
class BackfillOnAnvilTest {
    private static final Duration CLOSE_GUARD = Duration.ofSeconds(60);

    /** Sends {@code rounds} pings of {@code perRound} events, with 1 to 30 empty blocks after each. */
    private static void history(EmitterChain chain, int rounds, int perRound) {
        Random random = new Random(rounds);
        for (int round = 0; round < rounds; round++) {
            chain.ping(round, perRound);
            chain.anvil().mine(1 + random.nextInt(30));
        }
    }

    private static CheckpointStore store(String kind, Path directory) {
        return kind.equals("sqlite")
                ? SqliteCheckpointStore.builder(directory.resolve("checkpoints.db"))
                        .build()
                : new InMemoryCheckpointStore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void backfillsThousandsOfEventsExactlyOnceInOrderToEveryHandler(String kind, Anvil anvil, @TempDir Path directory)
            throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        history(chain, 60, 50);
        long head = anvil.blockNumber();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (CheckpointStore store = store(kind, directory)) {
            try (StreamHandle handle = chain.stream("backfill-" + kind)
                    .endpoint(anvil.httpUrl().toString())
                    .checkpointStore(store)
                    .maxRange(100)
                    .concurrency(4)
                    .handler(first, second)
                    .metrics(metrics)
                    .build()
                    .start()) {
                Waits.handled(handle, head);
                Waits.live(handle);
            }
            List<RawLog> pings = chain.canonicalPings();
            assertEquals(3000, pings.size());
            first.assertExactlyOnceInOrder(pings);
            second.assertExactlyOnceInOrder(pings);
            assertTrue(
                    metrics.count("blocksScanned") > 500,
                    "most blocks backfilled by ranges: " + metrics.count("blocksScanned"));
            assertEquals(
                    head,
                    store.load(StreamId.of("backfill-" + kind))
                            .orElseThrow()
                            .head()
                            .number());
        }
    }

    @Test
    void shrinksTheRangeAtAnEndpointThatRefusesWideRangesAndStillDeliversEverything(Anvil anvil) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        history(chain, 20, 10);
        long head = anvil.blockNumber();
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rangeLimit(25).start();
                StreamHandle handle = chain.stream("narrow")
                        .endpoint(proxy.httpUrl().toString())
                        .checkpointStore(new InMemoryCheckpointStore())
                        .maxRange(400)
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.handled(handle, head);
            assertTrue(proxy.rangeLimited() > 0, "the proxy refused wide ranges");
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
        assertTrue(metrics.smallestRange() <= 25, "learned range " + metrics.smallestRange());
    }

    @Test
    void asksForTheHeaderOfOnlyTheLastBlockOfEachFinalizedRange(Anvil anvil) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        history(chain, 60, 5);
        long lastPing = anvil.blockNumber();
        anvil.mine(300);
        long head = anvil.blockNumber();
        Recorder recorder = new Recorder();

        List<Long> asked;
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                StreamHandle handle = chain.stream("finalized")
                        .endpoint(proxy.httpUrl().toString())
                        .checkpointStore(new InMemoryCheckpointStore())
                        .maxRange(50)
                        .concurrency(4)
                        .handler(recorder)
                        .build()
                        .start()) {
            Waits.handled(handle, head);
            // The headers asked for by number, in the order they were asked.
            asked = proxy.calls().stream()
                    .filter(call -> call.method().equals("eth_getBlockByNumber"))
                    .map(call -> call.quantity(0))
                    .flatMapToLong(OptionalLong::stream)
                    .filter(number -> number <= lastPing)
                    .boxed()
                    .toList();
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
        long ranges = (lastPing - chain.deployBlock()) / 50 + 1;
        assertTrue(
                asked.size() <= ranges,
                ranges + " ranges cover the 60 blocks with events, but headers were asked for " + asked);
    }

    @Test
    @SuppressWarnings("try") // closes the handle inside its try block on purpose: a clean stop, then the checks
    void resumesFromItsCheckpointWithoutDeliveringAnythingTwice(Anvil anvil, @TempDir Path directory) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        history(chain, 10, 20);
        Path file = directory.resolve("resume.db");
        Recorder before = new Recorder();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("resume")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .maxRange(50)
                        .handler(before)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
            Waits.live(handle);
        }
        List<RawLog> firstRun = chain.canonicalPings();
        before.assertExactlyOnceInOrder(firstRun);

        history(chain, 10, 20);
        Recorder after = new Recorder();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("resume")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .maxRange(50)
                        .handler(after)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
            handle.close();
            assertTrue(handle.awaitTermination(CLOSE_GUARD));
            assertEquals(StreamState.STOPPED, handle.state());
        }
        List<RawLog> all = chain.canonicalPings();
        after.assertExactlyOnceInOrder(all.subList(firstRun.size(), all.size()));
    }
}
