package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each HTTP fault of the proxy, as a plain {@link HttpRpcClient} sees it. */
@AnvilTest
class FaultProxyHttpTest {
    private static HttpRpcClient client(FaultProxy proxy, Duration timeout) {
        return HttpRpcClient.builder(RpcEndpoint.of(proxy.httpUrl()))
                .timeout(timeout)
                .build();
    }

    private static HttpRpcClient client(FaultProxy proxy) {
        return client(proxy, Duration.ofSeconds(30));
    }

    @Test
    void forwardsCallsAndBatchesUnchangedWithoutRules(Anvil anvil) {
        anvil.mine(3);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                HttpRpcClient node = client(proxy)) {
            long head = node.blockNumber();

            assertEquals(anvil.blockNumber(), head);
            assertEquals(
                    anvil.blockHash(head),
                    node.getBlockByNumber(head).orElseThrow().hash());
            List<RpcResult<Long>> results = node.batch(List.of(RpcRequest.chainId(), RpcRequest.blockNumber()));
            assertEquals(
                    List.of(31337L, head), results.stream().map(RpcResult::get).toList());
            assertEquals(
                    List.of(),
                    node.getLogs(LogFilter.builder().fromBlock(0).toBlock(head).build()));
            assertEquals(4, proxy.requests());
            assertEquals(0, proxy.injected());
        }
    }

    @Test
    void answersScriptedServerErrorsWithoutForwardingThenForwardsAgain(Anvil anvil) {
        FaultRule first = FaultRule.at(Fault.status(500), 1);
        FaultRule second = FaultRule.at(Fault.status(502), 2);
        FaultRule third = FaultRule.at(Fault.status(503), 3);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl())
                        .rule(first)
                        .rule(second)
                        .rule(third)
                        .start();
                HttpRpcClient node = client(proxy)) {
            List<Integer> statuses = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                RpcTransportException e = assertThrows(RpcTransportException.class, node::blockNumber);
                assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
                statuses.add(e.statusCode().orElseThrow());
            }

            assertEquals(List.of(500, 502, 503), statuses);
            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(
                    List.of(1, 1, 1), List.of(proxy.injected(first), proxy.injected(second), proxy.injected(third)));
            assertEquals(3, proxy.journal().size());
            assertTrue(
                    proxy.journal().get(1).contains("HttpStatus[code=502] by rule 2 at match 2"),
                    proxy.journal().get(1));
        }
    }

    @Test
    void answersTooManyRequestsWithRetryAfterInWholeSeconds(Anvil anvil) {
        FaultRule limited = FaultRule.at(Fault.tooManyRequests(Duration.ofMillis(1500)), 1);
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rule(limited).start();
                HttpRpcClient node = client(proxy)) {
            RpcTransportException e = assertThrows(RpcTransportException.class, node::blockNumber);

            assertEquals(OptionalInt.of(429), e.statusCode());
            assertEquals(Duration.ofSeconds(2), RpcErrors.retryAfter(e).orElseThrow());
            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
            assertEquals(1, proxy.injected(limited));
        }
    }

    @Test
    void aDroppedRequestStallsPastTheClientTimeoutAndTheNextOneIsAnswered(Anvil anvil) {
        FaultRule stall = FaultRule.at(Fault.drop(), 1);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl())
                        .rule(stall)
                        .maxHold(Duration.ofSeconds(10))
                        .start();
                HttpRpcClient node = client(proxy, Duration.ofMillis(500))) {
            RpcTimeoutException e = assertThrows(RpcTimeoutException.class, node::blockNumber);

            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(1, proxy.injected(stall));
        }
    }

    @Test
    void aDelayedRequestIsForwardedLate(Anvil anvil) {
        FaultRule slow = FaultRule.at(Fault.delay(Duration.ofMillis(200)), 1);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(slow).start();
                HttpRpcClient node = client(proxy)) {
            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(1, proxy.injected(slow));
        }
    }

    @Test
    void aTruncatedAnswerIsMalformedJson(Anvil anvil) {
        anvil.mine(1);
        FaultRule cut = FaultRule.at(Fault.truncate(), 1);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(cut).start();
                HttpRpcClient node = client(proxy)) {
            RpcResponseException e = assertThrows(RpcResponseException.class, () -> node.getBlockByNumber(1));

            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
            assertEquals(
                    anvil.blockHash(1), node.getBlockByNumber(1).orElseThrow().hash());
        }
    }

    @Test
    void aResetConnectionIsATransportFailureWithoutStatus(Anvil anvil) {
        FaultRule reset = FaultRule.at(Fault.reset(), 1);
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).rule(reset).start();
                HttpRpcClient node = client(proxy)) {
            RpcTransportException e = assertThrows(RpcTransportException.class, node::blockNumber);

            assertEquals(OptionalInt.empty(), e.statusCode());
            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
            assertEquals(anvil.blockNumber(), node.blockNumber());
        }
    }

    @Test
    void refusesLogQueriesOverTheRangeLimitLikeInfura(Anvil anvil) {
        anvil.mine(20);
        long head = anvil.blockNumber();
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rangeLimit(10).start();
                HttpRpcClient node = client(proxy)) {
            assertEquals(
                    List.of(),
                    node.getLogs(LogFilter.builder().fromBlock(0).toBlock(9).build()));
            RpcErrorException wide = assertThrows(
                    RpcErrorException.class,
                    () -> node.getLogs(
                            LogFilter.builder().fromBlock(0).toBlock(10).build()));
            RpcErrorException tags = assertThrows(
                    RpcErrorException.class,
                    () -> node.getLogs(LogFilter.builder()
                            .fromBlock(BlockTag.EARLIEST)
                            .toBlock(BlockTag.LATEST)
                            .build()));
            assertEquals(
                    List.of(),
                    node.getLogs(LogFilter.builder()
                            .fromBlock(head - 9)
                            .toBlock(BlockTag.LATEST)
                            .build()));
            assertEquals(
                    List.of(),
                    node.getLogs(
                            LogFilter.builder().blockHash(anvil.blockHash(head)).build()));

            for (RpcErrorException e : List.of(wide, tags)) {
                assertEquals(-32005, e.code());
                assertEquals("query returned more than 10000 results", e.rpcMessage());
                assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(e));
            }
            assertEquals(2, proxy.rangeLimited());
            assertEquals(0, proxy.injected());
        }
    }

    @Test
    void refusesOnlyTheTooWideQueriesOfABatch(Anvil anvil) {
        anvil.mine(20);
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rangeLimit(10).start();
                HttpRpcClient node = client(proxy)) {
            List<RpcResult<Object>> results = node.batch(List.of(
                    RpcRequest.getLogs(
                            LogFilter.builder().fromBlock(0).toBlock(19).build()),
                    RpcRequest.getLogs(
                            LogFilter.builder().fromBlock(0).toBlock(1).build()),
                    RpcRequest.blockNumber()));

            RpcException refused = results.get(0).error().orElseThrow();
            assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(refused));
            assertEquals(List.of(), results.get(1).get());
            assertEquals(anvil.blockNumber(), results.get(2).get());
            assertEquals(1, proxy.rangeLimited());
        }
    }

    @Test
    void recordsEveryCallWithItsParamsInOrder(Anvil anvil) {
        anvil.mine(2);
        FaultRule refused = FaultRule.at(Fault.status(503), 1).methods("eth_chainId");
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rule(refused).start();
                HttpRpcClient node = client(proxy)) {
            node.getBlockByNumber(1);
            assertThrows(RpcTransportException.class, node::chainId);
            node.batch(List.of(RpcRequest.blockNumber(), RpcRequest.getBlockByNumber(BlockTag.LATEST)));

            List<FaultProxy.Call> calls = proxy.calls();

            assertEquals(
                    List.of("eth_getBlockByNumber", "eth_chainId", "eth_blockNumber", "eth_getBlockByNumber"),
                    calls.stream().map(FaultProxy.Call::method).toList());
            assertEquals(List.of("\"0x1\"", "false"), calls.get(0).params());
            assertEquals(OptionalLong.of(1), calls.get(0).quantity(0));
            assertEquals(OptionalLong.empty(), calls.get(0).quantity(1));
            assertEquals(OptionalLong.empty(), calls.get(0).quantity(2));
            assertEquals(List.of(), calls.get(2).params());
            assertEquals(OptionalLong.empty(), calls.get(3).quantity(0), "a tag is not a quantity");
            assertTrue(calls.stream().allMatch(call -> call.channel() == FaultProxy.Channel.HTTP), calls.toString());
            assertEquals(3, proxy.requests());
        }
    }

    @Test
    void aCutFailsEveryRequestUntilRestored(Anvil anvil) {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                HttpRpcClient node = client(proxy)) {
            assertEquals(anvil.blockNumber(), node.blockNumber());

            proxy.cut();

            RpcTransportException e = assertThrows(RpcTransportException.class, node::blockNumber);
            assertEquals(OptionalInt.empty(), e.statusCode());

            proxy.restore();

            assertEquals(anvil.blockNumber(), node.blockNumber());
            assertEquals(2, proxy.requests());
        }
    }

    @Test
    void dropsTheConnectionWhoseAnswerHoldsTheMarkerOnce(Anvil anvil) {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                HttpRpcClient node = client(proxy)) {
            proxy.dropOnceWhenUpstreamSends("\"result\":\"0x7a69\"".getBytes(StandardCharsets.US_ASCII));

            assertEquals(anvil.blockNumber(), node.blockNumber());
            RpcTransportException e = assertThrows(RpcTransportException.class, node::chainId);
            assertEquals(OptionalInt.empty(), e.statusCode());
            assertEquals(31337L, node.chainId());
            assertEquals(1, proxy.droppedWhenUpstreamSent());
        }
    }

    @Test
    void aRuleWithMethodsCountsOnlyThoseRequests(Anvil anvil) {
        FaultRule secondGetLogs = FaultRule.at(Fault.status(503), 2).methods("eth_getLogs");
        LogFilter filter = LogFilter.builder().fromBlock(0).toBlock(0).build();
        try (FaultProxy proxy =
                        FaultProxy.builder(anvil.httpUrl()).rule(secondGetLogs).start();
                HttpRpcClient node = client(proxy)) {
            node.blockNumber();
            node.getLogs(filter);
            node.blockNumber();
            assertThrows(RpcTransportException.class, () -> node.getLogs(filter));
            node.getLogs(filter);

            assertEquals(1, proxy.injected(secondGetLogs));
            assertEquals(5, proxy.requests());
        }
    }

    @Test
    void randomRulesRepeatWithTheSameSeedAndStopAtTheirLimit(Anvil anvil) {
        FaultRule flaky = FaultRule.random(Fault.status(503), 0.5, 4);
        List<Boolean> first = failures(anvil, flaky, 7, 16);
        List<Boolean> again = failures(anvil, flaky, 7, 16);
        List<Boolean> always = failures(anvil, FaultRule.random(Fault.status(503), 1.0, 3), 7, 6);

        assertEquals(first, again);
        assertTrue(first.stream().filter(failed -> failed).count() <= 4, first.toString());
        assertTrue(first.contains(true), first.toString());
        assertNotEquals(first, failures(anvil, flaky, 8, 16));
        assertEquals(List.of(true, true, true, false, false, false), always);
    }

    private static List<Boolean> failures(Anvil anvil, FaultRule rule, long seed, int calls) {
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl())
                        .seed(seed)
                        .rule(rule)
                        .start();
                HttpRpcClient node = client(proxy)) {
            List<Boolean> failed = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                try {
                    node.blockNumber();
                    failed.add(false);
                } catch (RpcTransportException e) {
                    failed.add(true);
                }
            }
            assertEquals(failed.stream().filter(f -> f).count(), proxy.injected(rule));
            return failed;
        }
    }

    @Test
    void readsChunkedRequestBodiesFromOtherClients(Anvil anvil) throws IOException {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}";
        String request = "POST / HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + ";note=split\r\n" + json.substring(10) + "\r\n"
                + "0\r\nX-Trailer: ignored\r\n\r\n";
        try (FaultProxy proxy = FaultProxy.builder(anvil.httpUrl()).start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
            assertTrue(answer.endsWith("\"id\":7,\"result\":\"0x7a69\"}"), answer);
        }
    }

    @Test
    void answersBadGatewayWhenTheNodeIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FaultProxy proxy = FaultProxy.builder(URI.create("http://127.0.0.1:" + closedPort))
                        .start();
                HttpRpcClient node = client(proxy)) {
            RpcTransportException e = assertThrows(RpcTransportException.class, node::blockNumber);

            assertEquals(OptionalInt.of(502), e.statusCode());
            assertFalse(e.responseExcerpt().isEmpty());
        }
    }

    @Test
    void closingTheProxyEndsAStalledRequest(Anvil anvil) {
        FaultProxy proxy = FaultProxy.builder(anvil.httpUrl())
                .rule(FaultRule.at(Fault.drop(), 1))
                .start();
        try (HttpRpcClient node = client(proxy, Duration.ofSeconds(30))) {
            Thread closer = new Thread(() -> {
                awaitRequests(proxy, 1);
                proxy.close();
            });
            closer.start();
            RpcException e = assertThrows(RpcException.class, node::blockNumber);
            assertInstanceOf(RpcTransportException.class, e);
        } finally {
            proxy.close();
        }
    }

    private static void awaitRequests(FaultProxy proxy, long count) {
        for (int i = 0; i < 3000 && proxy.requests() < count; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
