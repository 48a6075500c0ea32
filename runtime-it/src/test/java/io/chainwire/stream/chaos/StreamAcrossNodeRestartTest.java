package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node stops during live following and comes back on the same port with its chain (dumped to a state file on exit,
 * loaded on start): the stream rides out the outage and delivers everything, before and after, once.
 */
class StreamAcrossNodeRestartTest {
    @TempDir
    Path dir;

    @Test
    void recoversAfterTheNodeRestartsWithItsStateAndDeliversEverything() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path state = dir.resolve("anvil-state.json");
        Path file = dir.resolve("ledger.db");
        Ledger.create(file);
        Anvil first = Anvil.builder().port(port).stateFile(state).start();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build()) {
            HelloChain chain = new HelloChain(first);
            chain.send(10);
            long head;
            Hash headHash;
            try (StreamHandle handle = ChaosStreams.builder(chain, store, first.wsUrl(), first.httpUrl())
                    .build()
                    .start()) {
                chain.awaitLedger(file, 10, handle);
                assertTrue(handle.awaitLive(Duration.ofSeconds(30)), "live before the restart");
                head = first.blockNumber();
                headHash = first.blockHash(head);
                first.close();
                // The stream meets the outage: its requests and reconnections fail for a while.
                Thread.sleep(1000);

                try (Anvil second = Anvil.builder().port(port).stateFile(state).start()) {
                    assertEquals(headHash, second.blockHash(head), "the restarted node continues the same chain");
                    HelloChain after = chain.on(second);
                    after.send(10);
                    after.awaitLedger(file, 20, handle);
                    assertEquals(StreamState.LIVE, handle.state());
                }
            }
        } finally {
            first.close();
        }
    }
}
