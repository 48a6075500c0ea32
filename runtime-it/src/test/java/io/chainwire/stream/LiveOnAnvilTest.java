package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@AnvilTest
class LiveOnAnvilTest {
    /**
     * Adds the endpoints of {@code transport}: "http" polls, "ws" does everything over one WebSocket, "http+ws"
     * subscribes on the WebSocket.
     */
    static EventStream.Builder endpoints(EventStream.Builder builder, Anvil anvil, String transport) {
        if (transport.contains("http")) {
            builder.endpoint(anvil.httpUrl().toString());
        }
        if (transport.contains("ws")) {
            builder.endpoint(anvil.wsUrl().toString());
        }
        return builder;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "ws", "http+ws"})
    void followsNewBlocksAsTheyAreMined(String transport, Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (StreamHandle handle = endpoints(chain.stream("live-" + transport.replace('+', '-')), anvil, transport)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(recorder)
                .metrics(metrics)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 30; round++) {
                chain.ping(round, 1 + round % 4);
            }
            Waits.handled(handle, anvil.blockNumber());
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
        assertEquals(transport.contains("ws") ? 1 : 0, Math.min(1, metrics.count("subscribed")));
    }

    @Test
    void handsOverFromBackfillToLiveWithoutGapOrDuplicateWhileBlocksAreMined(Anvil anvil) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        for (int round = 0; round < 20; round++) {
            chain.ping(round, 10);
            anvil.mine(10);
        }
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();
        CompletableFuture<Void> mining = CompletableFuture.runAsync(() -> {
            for (int round = 100; round < 160; round++) {
                chain.ping(round, 3);
                if (round % 10 == 0) {
                    anvil.mine(20);
                }
            }
        });

        try (StreamHandle handle = chain.stream("handover")
                .endpoint(anvil.httpUrl().toString())
                .endpoint(anvil.wsUrl().toString())
                .checkpointStore(new InMemoryCheckpointStore())
                .maxRange(30)
                .handler(recorder)
                .metrics(metrics)
                .build()
                .start()) {
            Waits.live(handle);
            mining.get(Waits.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            Waits.handled(handle, anvil.blockNumber());
        }
        List<RawLog> pings = chain.canonicalPings();
        assertEquals(20 * 10 + 60 * 3, pings.size());
        recorder.assertExactlyOnceInOrder(pings);
        assertTrue(metrics.count("blocksScanned") > 0, "part of the chain was backfilled");
    }

    @Test
    void deliversABlockOnlyOnceItIsConfirmationsDeep(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();

        try (StreamHandle handle = chain.stream("confirmed")
                .endpoint(anvil.httpUrl().toString())
                .confirmations(3)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(recorder)
                .build()
                .start()) {
            Waits.live(handle);
            for (int round = 0; round < 5; round++) {
                chain.ping(round, 2);
            }
            long head = anvil.blockNumber();
            Waits.handled(handle, head - 3);
            assertEquals(head - 3, handle.lastHandledBlock().orElseThrow().number());
            assertTrue(
                    recorder.deliveries().stream().allMatch(delivery -> delivery.block() <= head - 3),
                    "nothing above block " + (head - 3) + ": " + recorder.deliveries());
            assertEquals(2 * 2, recorder.count());

            anvil.mine(3);
            Waits.handled(handle, head);
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
    }
}
