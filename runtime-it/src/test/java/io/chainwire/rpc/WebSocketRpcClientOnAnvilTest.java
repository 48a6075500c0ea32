package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.RawLog;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@AnvilTest
class WebSocketRpcClientOnAnvilTest {
    private static WebSocketRpcClient.Builder builder(Anvil anvil) {
        return WebSocketRpcClient.builder(RpcEndpoint.of(anvil.wsUrl()));
    }

    @Test
    void answersCallsBatchesAndErrorsOverTheSocket(Anvil anvil) {
        anvil.mine(2);
        try (WebSocketRpcClient client = builder(anvil).connect()) {
            long head = client.blockNumber();

            assertEquals(anvil.blockNumber(), head);
            assertEquals(
                    anvil.blockHash(head),
                    client.getBlockByNumber(head).orElseThrow().hash());
            List<RpcResult<Long>> results = client.batch(List.of(RpcRequest.chainId(), RpcRequest.blockNumber()));
            assertEquals(
                    List.of(31337L, head), results.stream().map(RpcResult::get).toList());
            RpcErrorException e = assertThrows(
                    RpcErrorException.class,
                    () -> client.getLogs(LogFilter.builder()
                            .fromBlock(head + 5)
                            .toBlock(head + 6)
                            .build()));
            assertEquals(-32602, e.code());
            assertEquals(RpcErrorKind.BEYOND_HEAD, RpcErrors.classify(e));
        }
    }

    @Test
    void reassemblesAResponseThatArrivesInManyParts(Anvil anvil) {
        LogEmitters.Burst burst = LogEmitters.burst(anvil, 800);
        LogFilter filter = LogFilter.builder()
                .address(burst.contract())
                .fromBlock(burst.blockNumber())
                .toBlock(burst.blockNumber())
                .build();

        try (WebSocketRpcClient socket = builder(anvil).connect();
                HttpRpcClient http =
                        HttpRpcClient.builder(RpcEndpoint.of(anvil.httpUrl())).build()) {
            List<RawLog> overSocket = socket.getLogs(filter);

            assertEquals(800, overSocket.size());
            assertEquals(http.getLogs(filter), overSocket);
        }
    }

    @Test
    void deliversNewHeadsInOrderWhileMiningAndEndsWithOnCloseOnUnsubscribe(Anvil anvil) throws Exception {
        try (WebSocketRpcClient client = builder(anvil).connect()) {
            HeadRecorder recorder = new HeadRecorder();
            RpcSubscription subscription = client.subscribeNewHeads(recorder);
            long start = anvil.blockNumber();

            anvil.mine(5);

            BlockHeader previous = null;
            for (long number = start + 1; number <= start + 5; number++) {
                BlockHeader head = recorder.next();
                assertEquals(number, head.number());
                assertEquals(anvil.blockHash(number), head.hash());
                assertEquals(client.getBlockByNumber(number).orElseThrow().logsBloom(), head.logsBloom());
                assertTrue(previous == null || previous.isParentOf(head), previous + " then " + head);
                previous = head;
            }
            subscription.unsubscribe();
            assertNull(recorder.end(), "onClose, not onError");
            assertTrue(client.isOpen());
            subscription.unsubscribe();
        }
    }

    @Test
    void closingTheClientEndsSubscriptionsAndLaterCallsFail(Anvil anvil) throws Exception {
        WebSocketRpcClient client = builder(anvil).connect();
        HeadRecorder recorder = new HeadRecorder();
        client.subscribeNewHeads(recorder);

        client.close();

        assertNull(recorder.end());
        assertFalse(client.isOpen());
        assertThrows(IllegalStateException.class, client::blockNumber);
    }

    @Test
    void aListenerThatFallsAQueueBehindEndsTheConnectionWithAnError(Anvil anvil) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (WebSocketRpcClient client = builder(anvil).queueCapacity(2).connect()) {
            HeadRecorder slow = new HeadRecorder(gate);
            client.subscribeNewHeads(slow);
            long start = anvil.blockNumber();

            anvil.mine(6);
            try {
                awaitClosed(client);
            } finally {
                gate.countDown();
            }
            RpcException cause = slow.end();

            assertInstanceOf(RpcTransportException.class, cause);
            assertTrue(cause.getMessage().contains("fell a whole queue of heads behind"), cause.getMessage());
            // The queued heads (and the one the listener held, if it had taken one) still arrive, in order.
            int received = slow.received();
            assertTrue(received == 2 || received == 3, "received " + received);
            for (long number = start + 1; number <= start + received; number++) {
                assertEquals(number, slow.next().number());
            }
        }
    }

    private static void awaitClosed(WebSocketRpcClient client) throws InterruptedException {
        long deadline = System.nanoTime() + HeadRecorder.WAIT.toNanos();
        while (client.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(client.isOpen(), "the connection is still open after " + HeadRecorder.WAIT);
    }

    @Test
    void reportsADroppedConnectionAndReconnectsWithTheSameBuilder() throws Exception {
        Anvil first = Anvil.start();
        int port = first.port();
        WebSocketRpcClient.Builder builder = builder(first);
        HeadRecorder recorder = new HeadRecorder();
        try (WebSocketRpcClient client = builder.connect()) {
            client.subscribeNewHeads(recorder);
            first.mine(1);
            assertEquals(1, recorder.next().number());

            first.close();

            RpcException cause = recorder.end();
            assertInstanceOf(RpcTransportException.class, cause);
            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(cause));
            assertFalse(client.isOpen());
            assertThrows(RpcTransportException.class, client::blockNumber);
        }
        try (Anvil second = Anvil.builder().port(port).start();
                WebSocketRpcClient client = builder.connect()) {
            HeadRecorder again = new HeadRecorder();
            client.subscribeNewHeads(again);
            second.mine(2);

            assertEquals(
                    Optional.of(second.blockHash(1)), Optional.of(again.next().hash()));
            assertEquals(2, again.next().number());
            assertFalse(again.hasEnded());
        }
    }
}
