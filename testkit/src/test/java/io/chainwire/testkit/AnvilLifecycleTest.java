package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.chainwire.abi.Hash;
import io.chainwire.rpc.TransactionReceipt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Starting and stopping nodes: nothing outlives close(), and failed starts say why. */
class AnvilLifecycleTest {
    @Test
    void closeLeavesNoProcessAndFreesThePort() {
        Anvil anvil = Anvil.start();
        long pid = anvil.pid();
        int port = anvil.port();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        anvil.close();

        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertFalse(process.isPresent() && process.get().isAlive(), "anvil " + pid + " still runs");
        assertThrows(ConnectException.class, () -> connect(port));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("anvil-output-" + pid)));
    }

    @Test
    void theExtensionStopsTheNodeWhenTheTestClassIsDone() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OneNodeTest.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));

        long pid = OneNodeTest.node.pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertFalse(process.isPresent() && process.get().isAlive(), "anvil " + pid + " outlived its test class");
    }

    /** Run by the test above, not by the build: a class whose tests share a node. */
    @AnvilTest
    static final class OneNodeTest {
        static Anvil node;

        @Test
        void first(Anvil anvil) {
            node = anvil;
        }

        @Test
        void second(Anvil anvil) {
            assertTrue(anvil.blockNumber() >= 0);
        }
    }

    @Test
    void closeTwiceIsHarmlessAndCallsAfterCloseFailClearly() {
        Anvil anvil = Anvil.start();
        anvil.close();
        anvil.close();

        AnvilException error = assertThrows(AnvilException.class, anvil::blockNumber);
        assertTrue(error.getMessage().contains("is not running"), error.getMessage());
    }

    @Test
    void listensOnLoopbackOnlyAndLogsToTarget() throws IOException {
        try (Anvil anvil = Anvil.start()) {
            assertEquals("127.0.0.1", anvil.httpUrl().getHost());
            assertEquals("ws", anvil.wsUrl().getScheme());
            assertTrue(
                    anvil.logFile()
                            .startsWith(Path.of("target", "chainwire-anvil").toAbsolutePath()),
                    anvil.logFile().toString());
            assertTrue(Files.readString(anvil.logFile()).contains("Listening on 127.0.0.1:" + anvil.port()));
        }
    }

    @Test
    void optionsReachTheNode() {
        try (Anvil anvil =
                Anvil.builder().chainId(1337).blockTime(Duration.ofMillis(200)).start()) {
            assertEquals("\"0x539\"", anvil.rpc("eth_chainId"));
            long start = anvil.blockNumber();
            Contracts contracts = new Contracts(anvil);
            TransactionReceipt receipt = contracts.send(
                    anvil.accounts().get(1), Calldata.function("anything()").encode());
            assertTrue(receipt.blockNumber() > start, "the transaction waited for a timed block");
        }
    }

    @Test
    void restartOnTheSamePortWithAStateFileContinuesTheChain(@TempDir Path dir) {
        Path state = dir.resolve("state.json");
        int port;
        long head;
        Hash headHash;
        try (Anvil first = Anvil.builder().stateFile(state).start()) {
            first.mine(7);
            port = first.port();
            head = first.blockNumber();
            headHash = first.blockHash(head);
        }
        assertTrue(Files.exists(state), "anvil writes its state when it stops");

        try (Anvil second = Anvil.builder().port(port).stateFile(state).start()) {
            assertEquals(port, second.port());
            assertEquals(head, second.blockNumber());
            assertEquals(headHash, second.blockHash(head));
        }
    }

    @Test
    void startOnATakenPortFailsWithAnvilsOwnWords() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AnvilException error = assertThrows(
                    AnvilException.class,
                    () -> Anvil.builder()
                            .port(taken.getLocalPort())
                            .startTimeout(Duration.ofSeconds(20))
                            .start());
            assertTrue(error.getMessage().contains("Address already in use"), error.getMessage());
            assertTrue(error.getMessage().contains("anvil exited with code"), error.getMessage());
            assertTrue(error.getMessage().contains("log: "), error.getMessage());
        }
    }

    @Test
    void missingExecutableIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("no-anvil-here");
        AnvilException error = assertThrows(
                AnvilException.class, () -> Anvil.builder().executable(missing).start());
        assertTrue(error.getMessage().startsWith("cannot run " + missing), error.getMessage());
    }

    @Test
    void badOptionsAreRejectedByName() {
        Anvil.Builder builder = Anvil.builder();
        assertEquals(
                "port must be between 1 and 65535, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.port(0))
                        .getMessage());
        assertEquals(
                "chainId must be positive, got -1",
                assertThrows(IllegalArgumentException.class, () -> builder.chainId(-1))
                        .getMessage());
        assertEquals(
                "blockTime must be positive, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> builder.blockTime(Duration.ZERO))
                        .getMessage());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
    }
}
