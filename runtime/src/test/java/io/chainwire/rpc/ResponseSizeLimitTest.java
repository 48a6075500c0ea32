package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code maxResponseBytes} bounds the memory a response can take: a real HTTP peer sends a body that never ends, plain
 * or gzipped, and the call fails as too large instead of reading on.
 */
class ResponseSizeLimitTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long LIMIT = 64 * 1024;
    // The peer stops by itself after this much, whatever the client does.
    private static final long MAX_SENT = 256L << 20;
    private static final byte[] LOG =
            ("{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"topics\":[],\"data\":\"0x\","
                            + "\"blockHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\",\"blockNumber\":\"0x6\","
                            + "\"transactionHash\":\"0x2d1012f65564c475f1e4b2f2899c9e150189a997c7b4cf0106982c47882319de\","
                            + "\"transactionIndex\":\"0x0\",\"logIndex\":\"0x0\",\"removed\":false},")
                    .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void abandonsABodyThatNeverEndsAtTheLimit(boolean gzip) throws IOException {
        HttpServer server = LoopbackHttp.start(exchange -> endlessLogs(exchange, gzip));
        try (HttpRpcClient client = HttpRpcClient.builder(
                        RpcEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v3/9aa3d95b3bc440fa88"))
                .maxResponseBytes(LIMIT)
                .build()) {
            RpcResponseException e = assertTimeoutPreemptively(
                    BOUND,
                    () -> assertThrows(
                            RpcResponseException.class,
                            () -> client.getLogs(LogFilter.builder()
                                    .fromBlock(0)
                                    .toBlock(1_000_000)
                                    .build())));

            assertTrue(e.isTooLarge());
            assertEquals(OptionalLong.of(LIMIT), e.sizeLimit());
            assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(e));
            assertTrue(
                    e.getMessage()
                            .startsWith("eth_getLogs on http://127.0.0.1:"
                                    + server.getAddress().getPort() + "/***/***: "),
                    e.getMessage());
            assertTrue(
                    e.getMessage().contains("larger than the limit of 65536 bytes (maxResponseBytes)"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void acceptsABodyOfExactlyTheLimitAndNotOneByteMore() {
        String result = "\"" + "a".repeat(2000) + "\"";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}";
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        try (CannedNode node = new CannedNode().replyJson(body).replyJson(body)) {
            try (HttpRpcClient exact = HttpRpcClient.builder(RpcEndpoint.of(node.url("/")))
                    .maxResponseBytes(size)
                    .build()) {
                assertEquals(result, exact.call("eth_anything"));
            }
            try (HttpRpcClient smaller = HttpRpcClient.builder(RpcEndpoint.of(node.url("/")))
                    .maxResponseBytes(size - 1)
                    .build()) {
                RpcResponseException e = assertThrows(RpcResponseException.class, () -> smaller.call("eth_anything"));
                assertTrue(e.isTooLarge());
            }
        }
    }

    @Test
    void validatesTheLimitNamingIt() {
        RpcEndpoint node = RpcEndpoint.of("http://127.0.0.1:8545");

        IllegalArgumentException http = assertThrows(
                IllegalArgumentException.class,
                () -> HttpRpcClient.builder(node).maxResponseBytes(1023));
        IllegalArgumentException webSocket = assertThrows(
                IllegalArgumentException.class,
                () -> WebSocketRpcClient.builder(RpcEndpoint.of("ws://127.0.0.1:8545"))
                        .maxResponseBytes(0));

        assertEquals("maxResponseBytes must be at least 1024, got 1023", http.getMessage());
        assertEquals("maxResponseBytes must be at least 1024, got 0", webSocket.getMessage());
    }

    private static void endlessLogs(HttpExchange exchange, boolean gzip) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (gzip) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out =
                gzip ? new GZIPOutputStream(exchange.getResponseBody(), true) : exchange.getResponseBody()) {
            out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[".getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < MAX_SENT; sent += LOG.length) {
                out.write(LOG);
                out.flush();
            }
        } catch (IOException e) {
            // The client abandoned the body: what the test expects.
        }
    }
}
