package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

@AnvilTest
class FailoverOnAnvilTest {
    /** Returns a loopback URL on a port nothing listens on. */
    private static String deadEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    @Test
    void runsOnTheSecondEndpointWhileTheFirstIsDead(Anvil anvil) throws IOException {
        EmitterChain chain = EmitterChain.deploy(anvil);
        for (int round = 0; round < 10; round++) {
            chain.ping(round, 5);
            anvil.mine(20);
        }
        Recorder recorder = new Recorder();
        CountingMetrics metrics = new CountingMetrics();

        // The chain is named: with the first endpoint dead, no other may say which chain to follow.
        try (StreamHandle handle = chain.stream("failover")
                .chainId(31337)
                .endpoint(deadEndpoint())
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(new InMemoryCheckpointStore())
                .maxRange(50)
                .handler(recorder)
                .metrics(metrics)
                .build()
                .start()) {
            Waits.live(handle);
            assertTrue(handle.isReady() && handle.isLive(), "a live leader is ready");
            assertEquals(StreamRole.LEADER, handle.role());
            for (int round = 10; round < 20; round++) {
                chain.ping(round, 5);
            }
            Waits.handled(handle, anvil.blockNumber());
        }
        recorder.assertExactlyOnceInOrder(chain.canonicalPings());
        assertTrue(metrics.count("failover") >= 1, "switched to the second endpoint");
        assertTrue(metrics.count("rpcRetry") >= 1, "retried the first endpoint before failing over");
    }
}
