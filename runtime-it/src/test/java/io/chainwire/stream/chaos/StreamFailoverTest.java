package io.chainwire.stream.chaos;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.stream.StreamHandle;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two endpoints, the first dead: the stream backfills and follows on the second. */
@AnvilTest
class StreamFailoverTest {
    @TempDir
    Path dir;

    /** Returns a loopback port nothing listens on. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void runsOnTheSecondHttpEndpointWhenTheFirstRefusesConnections(Anvil anvil) throws Exception {
        streamsDespiteDeadEndpoint(anvil, URI.create("http://127.0.0.1:" + deadPort()));
    }

    @Test
    void pollsTheHttpEndpointWhenTheWebSocketEndpointIsDead(Anvil anvil) throws Exception {
        streamsDespiteDeadEndpoint(anvil, URI.create("ws://127.0.0.1:" + deadPort()));
    }

    private void streamsDespiteDeadEndpoint(Anvil anvil, URI dead) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        chain.send(30);
        Path file = dir.resolve("ledger.db");
        Ledger.create(file);
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                // The chain is named: with the first endpoint dead, no other may say which chain to follow.
                StreamHandle handle = ChaosStreams.builder(chain, store, dead, anvil.httpUrl())
                        .chainId(31337)
                        .build()
                        .start()) {
            chain.awaitLedger(file, 30, handle);
            chain.send(10);
            chain.awaitLedger(file, 40, handle);
        }
    }
}
