package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import io.chainwire.rpc.WebSocketRpcClient;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each WebSocket fault of the proxy, as a plain {@link WebSocketRpcClient} sees it. */
@AnvilTest
class FaultProxyWebSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebSocketRpcClient.Builder client(FaultProxy proxy) {
        return WebSocketRpcClient.builder(RpcEndpoint.of(proxy.wsUrl()));
    }

    @Test
    void relaysCallsAndNewHeadsUnchanged(Anvil anvil) throws Exception {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                WebSocketRpcClient node = client(proxy).connect()) {
            Heads heads = new Heads();
            node.subscribeNewHeads(heads);
            long start = node.blockNumber();

            anvil.mine(3);

            assertEquals(List.of(start + 1, start + 2, start + 3), List.of(heads.next(), heads.next(), heads.next()));
            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(1, proxy.webSocketConnections());
            assertEquals(0, proxy.injected());
        }
    }

    @Test
    void swallowsTheChosenNotification(Anvil anvil) throws Exception {
        FaultRule swallow = FaultRule.at(Fault.drop(), 2).methods("eth_subscription");
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rule(swallow).start();
                WebSocketRpcClient node = client(proxy).connect()) {
            Heads heads = new Heads();
            node.subscribeNewHeads(heads);
            long start = node.blockNumber();

            anvil.mine(3);

            assertEquals(List.of(start + 1, start + 3), List.of(heads.next(), heads.next()));
            assertEquals(1, proxy.injected(swallow));
        }
    }

    @Test
    void delaysTheChosenNotificationWithoutReordering(Anvil anvil) throws Exception {
        FaultRule late = FaultRule.at(Fault.delay(Duration.ofMillis(300)), 1).methods("eth_subscription");
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(late).start();
                WebSocketRpcClient node = client(proxy).connect()) {
            Heads heads = new Heads();
            node.subscribeNewHeads(heads);
            long start = node.blockNumber();

            anvil.mine(3);

            assertEquals(List.of(start + 1, start + 2, start + 3), List.of(heads.next(), heads.next(), heads.next()));
            assertEquals(1, proxy.injected(late));
        }
    }

    @Test
    void aCloseFrameEndsTheSubscriptionWithAnErrorAndAReconnectWorks(Anvil anvil) throws Exception {
        FaultRule close = FaultRule.at(Fault.closeWebSocket(), 1).methods("eth_subscription");
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(close).start()) {
            WebSocketRpcClient.Builder builder = client(proxy);
            try (WebSocketRpcClient node = builder.connect()) {
                Heads heads = new Heads();
                node.subscribeNewHeads(heads);

                anvil.mine(1);

                RpcException cause = heads.error();
                assertTrue(cause.getMessage().contains("1001"), cause.getMessage());
                assertFalse(node.isOpen());
                assertThrows(RpcTransportException.class, node::blockNumber);
            }
            try (WebSocketRpcClient again = builder.connect()) {
                assertEquals(anvil.blockNumber(), again.blockNumber());
            }
            assertEquals(2, proxy.webSocketConnections());
        }
    }

    @Test
    void aResetDropsTheConnectionAbruptly(Anvil anvil) throws Exception {
        FaultRule reset = FaultRule.at(Fault.reset(), 1).methods("eth_chainId");
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(reset).start();
                WebSocketRpcClient node = client(proxy).connect()) {
            Heads heads = new Heads();
            node.subscribeNewHeads(heads);

            RpcTransportException e = assertThrows(RpcTransportException.class, node::chainId);

            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
            assertInstanceOf(RpcTransportException.class, heads.error());
            assertFalse(node.isOpen());
        }
    }

    @Test
    void aDroppedRequestTimesOutAndTheConnectionStaysUsable(Anvil anvil) {
        FaultRule lost = FaultRule.at(Fault.drop(), 1).methods("eth_blockNumber");
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(lost).start();
                WebSocketRpcClient node =
                        client(proxy).timeout(Duration.ofMillis(500)).connect()) {
            assertThrows(RpcTimeoutException.class, node::blockNumber);

            assertTrue(node.isOpen());
            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(1, proxy.injected(lost));
        }
    }

    @Test
    void droppingTheOpenConnectionsEndsTheirSubscriptionsAndANewConnectionWorks(Anvil anvil) throws Exception {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start()) {
            WebSocketRpcClient.Builder builder = client(proxy);
            try (WebSocketRpcClient node = builder.connect()) {
                Heads heads = new Heads();
                node.subscribeNewHeads(heads);

                assertEquals(1, proxy.dropWebSocketConnections());

                assertInstanceOf(RpcTransportException.class, heads.error());
                assertFalse(node.isOpen());
            }
            assertANewConnectionHearsTheNextHead(builder, anvil);
            assertEquals(2, proxy.webSocketConnections());
            assertEquals(0, proxy.injected());
        }
    }

    @Test
    void mutingTheOpenConnectionsSilencesThemButNotLaterOnes(Anvil anvil) throws Exception {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                WebSocketRpcClient muted =
                        client(proxy).timeout(Duration.ofMillis(500)).connect()) {
            Heads silent = new Heads();
            muted.subscribeNewHeads(silent);
            long start = muted.blockNumber();

            assertEquals(1, proxy.muteWebSocketConnections());
            try (WebSocketRpcClient later = client(proxy).connect()) {
                Heads heard = new Heads();
                later.subscribeNewHeads(heard);

                anvil.mine(1);

                assertEquals(start + 1, heard.next());
                assertThrows(
                        RpcTimeoutException.class,
                        muted::blockNumber,
                        "the request reaches the node, its answer does not come back");
                assertTrue(muted.isOpen(), "the muted connection stays open");
                assertTrue(silent.numbers.isEmpty(), "no notification on the muted connection: " + silent.numbers);
            }
        }
    }

    @Test
    void dropsTheConnectionOnWhichTheNodeSendsTheMarkerOnce(Anvil anvil) throws Exception {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start()) {
            WebSocketRpcClient.Builder builder = client(proxy);
            try (WebSocketRpcClient node = builder.connect()) {
                Heads heads = new Heads();
                node.subscribeNewHeads(heads);
                proxy.dropOnceWhenUpstreamSends("\"method\":\"eth_subscription\"".getBytes(StandardCharsets.US_ASCII));

                anvil.mine(1);

                assertInstanceOf(RpcTransportException.class, heads.error());
                assertEquals(1, proxy.droppedWhenUpstreamSent());
            }
            assertANewConnectionHearsTheNextHead(builder, anvil);
            assertEquals(1, proxy.droppedWhenUpstreamSent(), "once");
        }
    }

    private static void assertANewConnectionHearsTheNextHead(WebSocketRpcClient.Builder builder, Anvil anvil)
            throws Exception {
        try (WebSocketRpcClient again = builder.connect()) {
            Heads heads = new Heads();
            again.subscribeNewHeads(heads);
            long start = again.blockNumber();

            anvil.mine(1);

            assertEquals(start + 1, heads.next());
        }
    }

    @Test
    void refusesLogQueriesOverTheRangeLimitOnTheSocketToo(Anvil anvil) {
        anvil.mine(20);
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rangeLimit(5).start();
                WebSocketRpcClient node = client(proxy).connect()) {
            RpcErrorException e = assertThrows(
                    RpcErrorException.class,
                    () -> node.getLogs(
                            LogFilter.builder().fromBlock(0).toBlock(5).build()));
            List<RpcResult<Object>> batch = node.batch(List.of(
                    RpcRequest.getLogs(
                            LogFilter.builder().fromBlock(0).toBlock(4).build()),
                    RpcRequest.getLogs(
                            LogFilter.builder().fromBlock(1).toBlock(20).build())));

            assertEquals(-32005, e.code());
            assertEquals(List.of(), batch.get(0).get());
            assertEquals(
                    RpcErrorKind.RANGE_TOO_LARGE,
                    RpcErrors.classify(batch.get(1).error().orElseThrow()));
            assertEquals(2, proxy.rangeLimited());
        }
    }

    @Test
    void reassemblesAFragmentedRequestAroundAPingAndRelaysTheAnswers(Anvil anvil) throws Exception {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_chainId\",\"params\":[]}";
        byte[] text = request.getBytes(StandardCharsets.UTF_8);
        FaultRule lost = FaultRule.at(Fault.drop(), 2).methods("eth_chainId");
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(lost).start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(("GET / HTTP/1.1\r\nHost: proxy\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String handshake = readHead(in);
            assertTrue(handshake.startsWith("HTTP/1.1 101"), handshake);
            assertTrue(handshake.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), handshake);

            out.write(clientFrame(false, 1, Arrays.copyOfRange(text, 0, 20)));
            out.write(clientFrame(true, 9, "are you there".getBytes(StandardCharsets.US_ASCII)));
            out.write(clientFrame(true, 0, Arrays.copyOfRange(text, 20, text.length)));
            out.write(clientFrame(true, 1, text));
            out.write(clientFrame(true, 1, text));

            assertEquals("10:are you there", readFrame(in));
            assertEquals("1:{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x7a69\"}", readFrame(in));
            assertEquals("1:{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x7a69\"}", readFrame(in));
            assertEquals(1, proxy.injected(lost));
            assertEquals(3, proxy.requests());
        }
    }

    /** A masked frame, as a client sends it. */
    private static byte[] clientFrame(boolean fin, int opcode, byte[] payload) {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) ((fin ? 0x80 : 0) | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    /** Reads a short unmasked server frame as "opcode:payload". */
    private static String readFrame(DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        int length = in.readUnsignedByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return opcode + ":" + new String(payload, StandardCharsets.UTF_8);
    }

    private static String readHead(DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    /** Records the block numbers of a subscription, and how it ended. */
    private static final class Heads implements NewHeadsListener {
        private final BlockingQueue<Long> numbers = new LinkedBlockingQueue<>();
        private final CompletableFuture<RpcException> failure = new CompletableFuture<>();

        @Override
        public void onHead(BlockHeader head) {
            numbers.add(head.number());
        }

        @Override
        public void onError(RpcException cause) {
            failure.complete(cause);
        }

        long next() throws InterruptedException {
            Long number = numbers.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(number, "no head within " + WAIT);
            return number;
        }

        RpcException error() throws Exception {
            return failure.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
