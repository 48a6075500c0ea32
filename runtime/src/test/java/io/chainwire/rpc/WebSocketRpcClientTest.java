package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket client against a scripted peer: the frames and failures a node sends only by accident. */
class WebSocketRpcClientTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String SUBSCRIPTION = "0x515a67716d7a644c57744a465063784c";

    private final ScriptedWebSocketPeer peer = new ScriptedWebSocketPeer();
    private final WebSocketRpcClient client = WebSocketRpcClient.builder(peer.endpoint())
            .timeout(Duration.ofSeconds(10))
            .connect();

    @AfterEach
    void stop() throws IOException {
        client.close();
        peer.close();
    }

    /** Answers the next request with {@code result} (JSON) in {@code parts} frames. */
    private void answer(String result, int parts) throws Exception {
        long id = ScriptedWebSocketPeer.idOf(peer.nextRequest());
        peer.sendFragments("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}", parts);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static String notification() throws IOException {
        try (InputStream in =
                WebSocketRpcClientTest.class.getResourceAsStream("internal/anvil-newHeads-notification.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private RecordingListener subscribe() throws Exception {
        RecordingListener listener = new RecordingListener();
        Future<RpcSubscription> subscribing = CompletableFuture.supplyAsync(() -> client.subscribeNewHeads(listener));
        String request = peer.nextRequest();
        assertTrue(request.contains("\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]"), request);
        peer.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + ScriptedWebSocketPeer.idOf(request) + ",\"result\":\""
                + SUBSCRIPTION + "\"}");
        assertEquals(SUBSCRIPTION, await(subscribing).id());
        return listener;
    }

    @Test
    void reassemblesAResponseSentInManyFrames() throws Exception {
        Future<Long> head = CompletableFuture.supplyAsync(client::blockNumber);

        answer("\"0x1234\"", 7);

        assertEquals(0x1234L, await(head));
    }

    @Test
    void timesOutARequestTheNodeNeverAnswersAndStaysUsable() throws Exception {
        RpcTimeoutException e = assertTimeoutPreemptively(
                BOUND,
                () -> assertThrows(
                        RpcTimeoutException.class,
                        () -> client.send(RpcRequest.blockNumber().withTimeout(Duration.ofMillis(200)))));
        assertEquals(Duration.ofMillis(200), e.timeout());
        Future<Long> chainId = CompletableFuture.supplyAsync(client::chainId);

        answer("\"0x1\"", 1); // the late answer to the abandoned request is dropped
        answer("\"0x7a69\"", 1);

        assertEquals(31337L, await(chainId));
        assertTrue(client.isOpen());
    }

    @Test
    void deliversNotificationsThenReportsTheNodesCloseStatus() throws Exception {
        RecordingListener listener = subscribe();

        peer.sendFragments(notification(), 3);
        peer.sendClose(1001, "going away");

        assertEquals(7, listener.heads.poll(BOUND.toSeconds(), TimeUnit.SECONDS).number());
        RpcException cause = await(listener.end);
        assertInstanceOf(RpcTransportException.class, cause);
        assertTrue(
                cause.getMessage().contains("the node closed the connection (status 1001, going away)"),
                cause.getMessage());
        assertFalse(client.isOpen());
    }

    @Test
    void aMalformedNotificationDropsTheConnectionNamingTheField() throws Exception {
        RecordingListener listener = subscribe();

        peer.sendText(notification().replace("\"hash\":\"0x51c9", "\"hash\":\"0xz1c9"));

        RpcResponseException cause = assertInstanceOf(RpcResponseException.class, await(listener.end));
        assertEquals("params.result.hash", cause.path());
        assertEquals(0, listener.heads.size());
    }

    @Test
    void ignoresNotificationsOfUnknownSubscriptions() throws Exception {
        RecordingListener listener = subscribe();

        peer.sendText(notification().replace(SUBSCRIPTION, "0x99"));
        Future<Long> head = CompletableFuture.supplyAsync(client::blockNumber);
        answer("\"0x5\"", 1);

        assertEquals(5L, await(head));
        assertTrue(client.isOpen());
        assertEquals(0, listener.heads.size());
    }

    @Test
    void aBinaryMessageDropsTheConnection() throws Exception {
        Future<Long> head = CompletableFuture.supplyAsync(client::blockNumber);
        peer.nextRequest();

        peer.sendBinary(new byte[] {1, 2, 3});

        Exception e = assertThrows(Exception.class, () -> await(head));
        RpcTransportException cause = assertInstanceOf(RpcTransportException.class, e.getCause());
        assertTrue(cause.getMessage().contains("a binary message"), cause.getMessage());
    }

    @Test
    void aDroppedConnectionFailsPendingCallsAtOnce() throws Exception {
        Future<Long> head = CompletableFuture.supplyAsync(client::blockNumber);
        peer.nextRequest();

        peer.dropConnection();

        Exception e = assertThrows(Exception.class, () -> await(head));
        assertInstanceOf(RpcTransportException.class, e.getCause());
        assertThrows(RpcTransportException.class, client::chainId);
    }

    @Test
    void closeFailsACallInFlightAtOnce() throws Exception {
        Future<Long> head = CompletableFuture.supplyAsync(
                () -> client.send(RpcRequest.blockNumber().withTimeout(Duration.ofHours(1))));
        peer.nextRequest();

        client.close();

        Exception e = assertThrows(Exception.class, () -> await(head));
        RpcTransportException closed = assertInstanceOf(RpcTransportException.class, e.getCause());
        assertEquals(RpcTransportException.Failure.CLOSED, closed.failure());
        assertTrue(closed.getMessage().endsWith(": the client was closed"), closed.getMessage());
    }

    @Test
    void aMessageOverTheLimitFailsTheRequestItAnswersAndTheConnectionGoesOn() throws Exception {
        try (ScriptedWebSocketPeer small = new ScriptedWebSocketPeer();
                WebSocketRpcClient limited = WebSocketRpcClient.builder(small.endpoint())
                        .maxResponseBytes(4096)
                        .connect()) {
            Future<Long> waiting = CompletableFuture.supplyAsync(
                    () -> limited.send(RpcRequest.chainId().withTimeout(Duration.ofHours(1))));
            long other = ScriptedWebSocketPeer.idOf(small.nextRequest());
            Future<String> big = CompletableFuture.supplyAsync(() -> limited.call("eth_getLogs"));
            long id = ScriptedWebSocketPeer.idOf(small.nextRequest());

            // Over 4096 bytes in UTF-8 but about 2100 characters: the limit counts bytes.
            String oversized = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + "é".repeat(2048) + "\"}";
            small.sendFragments(oversized, 4);

            Exception e = assertThrows(Exception.class, () -> await(big));
            RpcResponseException tooLarge = assertInstanceOf(RpcResponseException.class, e.getCause());
            assertTrue(tooLarge.isTooLarge());
            assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(tooLarge));
            assertTrue(tooLarge.getMessage().startsWith("eth_getLogs on ws://127.0.0.1:"), tooLarge.getMessage());
            assertTrue(tooLarge.getMessage().contains("larger than the limit of 4096 bytes"), tooLarge.getMessage());
            small.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + other + ",\"result\":\"0x7a69\"}");
            assertEquals(31337L, await(waiting));
            assertTrue(limited.isOpen());
        }
    }

    @Test
    void batchesOverTheSocket() throws Exception {
        Future<List<RpcResult<Long>>> batch = CompletableFuture.supplyAsync(
                () -> client.batch(List.of(RpcRequest.blockNumber(), RpcRequest.chainId())));
        String request = peer.nextRequest();
        long first = ScriptedWebSocketPeer.idOf(request);

        peer.sendText("[{\"jsonrpc\":\"2.0\",\"id\":" + (first + 1) + ",\"result\":\"0x7a69\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":" + first + ",\"result\":\"0x2\"}]");

        assertEquals(
                List.of(2L, 31337L), await(batch).stream().map(RpcResult::get).toList());
    }

    /** Records heads and the end of a subscription. */
    private static final class RecordingListener implements NewHeadsListener {
        final BlockingQueue<BlockHeader> heads = new LinkedBlockingQueue<>();
        final CompletableFuture<RpcException> end = new CompletableFuture<>();

        @Override
        public void onHead(BlockHeader head) {
            heads.add(head);
        }

        @Override
        public void onError(RpcException cause) {
            end.complete(cause);
        }

        @Override
        public void onClose() {
            end.complete(null);
        }
    }
}
