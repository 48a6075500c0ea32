package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import io.chainwire.rpc.RpcTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proxy's raw TCP mode, in front of anvil's port: what it relays is HTTP, but the proxy reads none of it, as it
 * reads none of a database's protocol.
 */
@AnvilTest
class FaultProxyTcpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHAIN_ID_ANSWER = "\"result\":\"0x7a69\"";

    private static HttpRpcClient client(FaultProxy proxy) {
        return HttpRpcClient.builder(RpcEndpoint.of(proxy.httpUrl()))
                .timeout(WAIT)
                .build();
    }

    @Test
    void relaysBytesBothWaysWithoutReadingThem(Anvil anvil) {
        anvil.mine(2);
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", anvil.port());
                HttpRpcClient node = client(proxy)) {
            long head = node.blockNumber();
            List<RpcResult<Long>> batch = node.batch(List.of(RpcRequest.chainId(), RpcRequest.blockNumber()));

            assertEquals(anvil.blockNumber(), head);
            assertEquals(
                    List.of(31337L, head), batch.stream().map(RpcResult::get).toList());
            assertEquals(0, proxy.requests());
            assertEquals(List.of(), proxy.calls());
            assertTrue(proxy.toString().contains("-> 127.0.0.1:" + anvil.port()), proxy.toString());
        }
    }

    @Test
    void aCutEndsOpenConnectionsAndClosesNewOnesUntilRestored(Anvil anvil) throws IOException {
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", anvil.port());
                HttpRpcClient node = client(proxy);
                Socket open = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            assertEquals(anvil.blockNumber(), node.blockNumber());
            open.setSoTimeout((int) WAIT.toMillis());

            proxy.cut();

            assertTrue(ended(open), "an open connection ends");
            try (Socket during = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                during.setSoTimeout((int) WAIT.toMillis());
                assertTrue(ended(during), "a new connection is closed at once");
            }
            assertThrows(RpcTransportException.class, node::blockNumber);

            proxy.restore();

            assertEquals(anvil.blockNumber(), node.blockNumber());
        }
    }

    @Test
    void dropsTheConnectionOnWhichTheUpstreamSendsTheMarkerOnce(Anvil anvil) {
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", anvil.port());
                HttpRpcClient node = client(proxy)) {
            proxy.dropOnceWhenUpstreamSends(CHAIN_ID_ANSWER.getBytes(StandardCharsets.US_ASCII));

            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertThrows(RpcTransportException.class, node::chainId);
            assertEquals(31337L, node.chainId());
            assertEquals(1, proxy.droppedWhenUpstreamSent());
        }
    }

    @Test
    void closesClientConnectionsWhenTheUpstreamIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", closedPort);
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.setSoTimeout((int) WAIT.toMillis());

            assertTrue(ended(client));
        }
    }

    @Test
    void rejectsAnEmptyHostAPortOutOfRangeAndAnEmptyMarker() {
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> FaultProxy.tcp(" ", 5432));
        IllegalArgumentException port =
                assertThrows(IllegalArgumentException.class, () -> FaultProxy.tcp("127.0.0.1", 0));
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", 5432)) {
            IllegalArgumentException marker =
                    assertThrows(IllegalArgumentException.class, () -> proxy.dropOnceWhenUpstreamSends(new byte[0]));
            assertEquals("marker must be 1 to 1024 bytes long, got 0", marker.getMessage());
        }

        assertEquals("host must not be empty", host.getMessage());
        assertEquals("port must be in 1 to 65535, got 0", port.getMessage());
    }

    /** Returns true if the proxy ended {@code socket}: it reads end of stream or a reset, not a timeout. */
    private static boolean ended(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
