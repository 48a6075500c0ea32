package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRpcClientTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String LOG =
            "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"topics\":[],\"data\":\"0x\","
                    + "\"blockHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\",\"blockNumber\":\"0x6\","
                    + "\"transactionHash\":\"0x2d1012f65564c475f1e4b2f2899c9e150189a997c7b4cf0106982c47882319de\","
                    + "\"transactionIndex\":\"0x0\",\"logIndex\":\"0x0\",\"removed\":false}";

    private final CannedNode node = new CannedNode();
    private final HttpRpcClient client = HttpRpcClient.builder(RpcEndpoint.of(node.url("/")))
            .timeout(Duration.ofSeconds(10))
            .build();

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void sendsARequestAndReadsTheTypedResult() {
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}");

        assertEquals(31337, client.chainId());
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}",
                node.requests().get(0));
    }

    @Test
    void readsLogsFromAGzippedResponse() {
        node.reply(CannedNode.Reply.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[" + LOG + ","
                        + LOG.replace("\"logIndex\":\"0x0\"", "\"logIndex\":\"0x1\"") + "]}")
                .gzipped());

        List<RawLog> logs = client.getLogs(LogFilter.builder()
                .address(Address.ZERO)
                .fromBlock(1)
                .toBlock(6)
                .build());

        assertEquals(2, logs.size());
        assertEquals(1, logs.get(1).meta().logIndex());
        assertTrue(
                node.requests()
                        .get(0)
                        .contains("\"params\":[{\"address\":\"0x0000000000000000000000000000000000000000\","
                                + "\"fromBlock\":\"0x1\",\"toBlock\":\"0x6\"}]"),
                node.requests().get(0));
    }

    @Test
    void sendsABatchAsOnePostAndMatchesAnswersById() {
        node.replyJson(
                "[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":null},{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x9\"}]");

        List<RpcResult<Object>> results =
                client.batch(List.of(RpcRequest.blockNumber(), RpcRequest.getBlockByNumber(BlockTag.number(99))));

        assertEquals(9L, results.get(0).get());
        assertEquals(Optional.empty(), results.get(1).get());
        assertEquals(1, node.requests().size());
        assertTrue(node.requests().get(0).startsWith("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\""));
    }

    @Test
    void sendsNothingForAnEmptyBatch() {
        assertEquals(List.of(), client.batch(List.of()));
        assertEquals(List.of(), node.requests());
    }

    @Test
    void asksForAReceiptByTransactionHashAndReadsAPendingOneAsEmpty() {
        Hash transaction = Hash.fromHex("0x" + "1".repeat(64));
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}");

        assertEquals(Optional.empty(), client.getTransactionReceipt(transaction));
        assertTrue(
                node.requests()
                        .get(0)
                        .endsWith("\"method\":\"eth_getTransactionReceipt\",\"params\":[\"" + transaction.toHex()
                                + "\"]}"),
                node.requests().get(0));
    }

    @Test
    void returnsAnyMethodsResultAsRawJson() {
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"ok\":true}}");

        assertEquals("{\"ok\":true}", client.call("anvil_mine", "0x2", 3));
        assertTrue(node.requests().get(0).endsWith("\"method\":\"anvil_mine\",\"params\":[\"0x2\",3]}"));
    }

    @Test
    void reports429WithItsRetryAfterAsTransient() {
        node.reply(CannedNode.Reply.status(429, Map.of("Retry-After", "3"), "{\"error\":\"Too Many Requests\"}"));

        RpcTransportException e = assertThrows(RpcTransportException.class, client::blockNumber);

        assertEquals(OptionalInt.of(429), e.statusCode());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertEquals(Optional.of(Duration.ofSeconds(3)), RpcErrors.retryAfter(e));
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
        assertTrue(e.getMessage().contains("HTTP status 429 (retry after 3000 ms)"), e.getMessage());
    }

    @Test
    void reports500WithTheStartOfItsBody() {
        node.reply(CannedNode.Reply.status(500, Map.of(), "upstream exploded " + "x".repeat(5000)));

        RpcTransportException e = assertThrows(RpcTransportException.class, client::blockNumber);

        assertEquals(OptionalInt.of(500), e.statusCode());
        assertTrue(e.responseExcerpt().startsWith("upstream exploded"));
        assertEquals(2048, e.responseExcerpt().length());
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
        assertEquals(RpcTransportException.Failure.HTTP_STATUS, e.failure());
        assertTrue(
                e.getMessage()
                        .endsWith(": HTTP status 500, no content type, 'upstream exploded " + "x".repeat(182) + "...'"),
                e.getMessage());
    }

    @Test
    void reportsAPageThatIsNotJsonRpcAsATransientAnswer() {
        node.reply(new CannedNode.Reply(
                200,
                Map.of("Content-Type", "text/html; charset=utf-8"),
                "\n  <html><body>\n\n  Down for maintenance\n</body></html>",
                false,
                -1));

        RpcTransportException e = assertThrows(RpcTransportException.class, client::blockNumber);

        assertEquals(RpcTransportException.Failure.NOT_JSON_RPC, e.failure());
        assertEquals(Optional.of("text/html; charset=utf-8"), e.contentType());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                ": not a JSON-RPC answer: HTTP 200, text/html; charset=utf-8, '<html><body> Down for maintenance </body></html>'"),
                e.getMessage());
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
    }

    @Test
    void recognisesARangeRefusalInTheBodyOfAnHttpError() {
        node.reply(
                CannedNode.Reply.status(
                        413,
                        Map.of("Content-Type", "application/json"),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32614,\"message\":\"eth_getLogs is limited to a 10,000 range\"}}"));

        RpcTransportException e = assertThrows(
                RpcTransportException.class,
                () -> client.getLogs(
                        LogFilter.builder().fromBlock(0).toBlock(50_000).build()));

        assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(e));
        assertEquals(Optional.of(KnownProviderError.LIMITED_BLOCK_RANGE), RpcErrors.knownError(e));
    }

    @Test
    void reportsTruncatedJsonAsAResponseError() {
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[" + LOG.substring(0, 60));

        RpcResponseException e = assertThrows(
                RpcResponseException.class,
                () -> client.getLogs(LogFilter.builder().fromBlock(0).toBlock(1).build()));

        assertTrue(e.getMessage().contains("malformed JSON: unexpected end of input"), e.getMessage());
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
    }

    @Test
    void reportsAResponseWithTheWrongId() {
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":41,\"result\":\"0x1\"}");

        RpcResponseException e = assertThrows(RpcResponseException.class, client::blockNumber);

        assertEquals("id", e.path());
    }

    @Test
    void timesOutAgainstAServerThatNeverAnswers() throws IOException {
        try (SilentServer silent = new SilentServer();
                HttpRpcClient patient = HttpRpcClient.builder(RpcEndpoint.of(silent.url("http", "/")))
                        .timeout(Duration.ofMillis(300))
                        .build()) {
            RpcTimeoutException e = assertTimeoutPreemptively(
                    BOUND, () -> assertThrows(RpcTimeoutException.class, patient::blockNumber));

            assertEquals(Duration.ofMillis(300), e.timeout());
            assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(e));
        }
    }

    @Test
    void timesOutWhenTheBodyStallsHalfwayThrough() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[" + LOG + "]}";
        node.reply(CannedNode.Reply.json(body).stallingAfter(40));

        RpcRequest<List<RawLog>> request = RpcRequest.getLogs(
                        LogFilter.builder().fromBlock(0).toBlock(1).build())
                .withTimeout(Duration.ofMillis(300));

        RpcTimeoutException e = assertTimeoutPreemptively(
                BOUND, () -> assertThrows(RpcTimeoutException.class, () -> client.send(request)));
        assertEquals(Duration.ofMillis(300), e.timeout());
    }

    @Test
    void closeFailsACallWaitingForItsAnswerAtOnce() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            HttpRpcClient patient = HttpRpcClient.builder(RpcEndpoint.of(silent.url("http", "/")))
                    .timeout(Duration.ofHours(1))
                    .build();
            CompletableFuture<Long> call = CompletableFuture.supplyAsync(patient::blockNumber);
            silent.awaitConnection();

            patient.close();

            assertClosedWhileInFlight(call);
        }
    }

    @Test
    void closeFailsACallReadingItsBodyAtOnce() throws Exception {
        node.reply(CannedNode.Reply.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[" + LOG + "]}")
                .stallingAfter(40));
        HttpRpcClient patient = HttpRpcClient.builder(RpcEndpoint.of(node.url("/")))
                .timeout(Duration.ofHours(1))
                .build();
        CompletableFuture<List<RawLog>> call = CompletableFuture.supplyAsync(() ->
                patient.getLogs(LogFilter.builder().fromBlock(0).toBlock(1).build()));
        node.awaitStall();

        patient.close();

        assertClosedWhileInFlight(call);
    }

    private static void assertClosedWhileInFlight(CompletableFuture<?> call) {
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> call.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        RpcTransportException closed = assertInstanceOf(RpcTransportException.class, e.getCause());
        assertEquals(RpcTransportException.Failure.CLOSED, closed.failure());
        assertTrue(closed.getMessage().endsWith(": the client was closed"), closed.getMessage());
    }

    @Test
    void refusesCallsOnceClosed() {
        client.close();

        assertThrows(IllegalStateException.class, client::blockNumber);
    }

    @Test
    void refusesAWebSocketUrl() {
        assertThrows(
                IllegalArgumentException.class, () -> HttpRpcClient.builder(RpcEndpoint.of("ws://127.0.0.1:8545")));
    }

    @Test
    void doesNotReuseRequestIds() {
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}");
        node.replyJson(
                "[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x1\"},{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"0x1\"}]");
        node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"0x1\"}");

        client.blockNumber();
        client.batch(List.of(RpcRequest.blockNumber(), RpcRequest.chainId()));
        client.blockNumber();

        assertFalse(node.requests().get(2).contains("\"id\":1,"));
    }
}
