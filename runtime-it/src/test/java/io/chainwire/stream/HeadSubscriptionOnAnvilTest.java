package io.chainwire.stream;

import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.FaultProxy;
import org.junit.jupiter.api.Test;

/**
 * The head subscription's recovery, with the WebSocket behind a {@link FaultProxy} that drops or mutes it while
 * requests go straight to the node over HTTP.
 */
@AnvilTest
class HeadSubscriptionOnAnvilTest {
    @Test
    void resubscribesAfterTheWebSocketDropsAndDeliversWhatWasMinedMeanwhile(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                StreamHandle handle = chain.stream("ws-drop")
                        .endpoint(anvil.httpUrl().toString())
                        .endpoint(proxy.wsUrl().toString())
                        .checkpointStore(new InMemoryCheckpointStore())
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.live(handle);
            Waits.until(() -> metrics.count("subscribed") == 1, () -> "subscriptions: " + metrics.count("subscribed"));
            chain.ping(0, 2);
            Waits.handled(handle, anvil.blockNumber());

            proxy.dropWebSocketConnections();
            for (int round = 1; round < 6; round++) {
                chain.ping(round, 2);
            }
            Waits.until(() -> metrics.count("subscribed") >= 2, () -> "subscriptions: " + metrics.count("subscribed"));
            for (int round = 6; round < 9; round++) {
                chain.ping(round, 2);
            }
            Waits.handled(handle, anvil.blockNumber());
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
    }

    /**
     * Once the stream waits on the subscription (after a block it handled with the subscription up), the proxy mutes
     * the connection and blocks are mined: the stream's head timeout passes, a poll shows the node moved on, and the
     * subscription is replaced.
     */
    @Test
    void reconnectsASubscriptionThatFallsSilentWhileTheNodeMovesOn(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                StreamHandle handle = chain.stream("ws-silent")
                        .endpoint(anvil.httpUrl().toString())
                        .endpoint(proxy.wsUrl().toString())
                        .checkpointStore(new InMemoryCheckpointStore())
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.live(handle);
            Waits.until(() -> metrics.count("subscribed") == 1, () -> "subscriptions: " + metrics.count("subscribed"));
            chain.ping(0, 2);
            Waits.handled(handle, anvil.blockNumber());

            proxy.muteWebSocketConnections();
            for (int round = 1; round < 4; round++) {
                chain.ping(round, 2);
            }
            Waits.until(() -> metrics.count("subscribed") >= 2, () -> "subscriptions: " + metrics.count("subscribed"));
            Waits.handled(handle, anvil.blockNumber());
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
    }
}
