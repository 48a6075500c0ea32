package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each way a connection fails, and an answer that is not JSON-RPC, gets a message a person acts on, naming the redacted
 * endpoint, and the same {@link RpcTransportException.Failure} over HTTP and over WebSocket.
 */
class TransportFailureMessagesTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String SECRET = "/v3/9aa3d95b3bc440fa88ea12eaa4456161";

    /** Calls {@code url} the way its scheme does: a call over HTTP, a connection over WebSocket. */
    private static RpcTransportException fail(String url, Duration connectTimeout) {
        RpcEndpoint endpoint = RpcEndpoint.of(url);
        return assertTimeoutPreemptively(
                BOUND,
                () -> assertThrows(RpcTransportException.class, () -> {
                    if (endpoint.isWebSocket()) {
                        WebSocketRpcClient.builder(endpoint)
                                .connectTimeout(connectTimeout)
                                .connect()
                                .close();
                    } else {
                        try (HttpRpcClient client = HttpRpcClient.builder(endpoint)
                                .connectTimeout(connectTimeout)
                                .build()) {
                            client.blockNumber();
                        }
                    }
                }));
    }

    /** Fails a call to {@code node} (with a secret path) and checks the failure, its kind and its one-line message. */
    private static RpcTransportException expect(
            String node,
            Duration connectTimeout,
            RpcTransportException.Failure failure,
            RpcErrorKind kind,
            String detail) {
        RpcTransportException e = fail(node + SECRET, connectTimeout);
        assertEquals(failure, e.failure());
        assertEquals(kind, RpcErrors.classify(e));
        assertTrue(e.getMessage().contains(": " + detail), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("9aa3d95b"), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "ws"})
    void saysWhoRefusedTheConnection(String scheme) {
        String node = scheme + "://127.0.0.1:" + UnreachablePeers.closedPort();

        expect(
                node,
                Duration.ofSeconds(10),
                RpcTransportException.Failure.CONNECTION_REFUSED,
                RpcErrorKind.TRANSIENT,
                "connection refused by " + node + "/***/***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "ws"})
    void namesAnUnknownHost(String scheme) {
        expect(
                scheme + "://nosuch.invalid:8545",
                Duration.ofSeconds(10),
                RpcTransportException.Failure.UNKNOWN_HOST,
                RpcErrorKind.TRANSIENT,
                "unknown host nosuch.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https", "wss"})
    void reportsAFailedTlsHandshake(String scheme) throws IOException {
        try (UnreachablePeers.Plaintext plaintext = new UnreachablePeers.Plaintext()) {
            String node = scheme + "://127.0.0.1:" + plaintext.port();

            expect(
                    node,
                    Duration.ofSeconds(10),
                    RpcTransportException.Failure.TLS_HANDSHAKE,
                    RpcErrorKind.TRANSIENT,
                    "TLS handshake with " + node + "/***/*** failed: SSLException: ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "ws"})
    void reportsAConnectTimeout(String scheme) throws IOException {
        try (UnreachablePeers.FullBacklog unanswered = new UnreachablePeers.FullBacklog()) {
            String node = scheme + "://127.0.0.1:" + unanswered.port();

            expect(
                    node,
                    Duration.ofMillis(300),
                    RpcTransportException.Failure.CONNECT_TIMEOUT,
                    RpcErrorKind.TRANSIENT,
                    "no connection to " + node + "/***/*** within 300 ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "ws"})
    void summarisesAnAnswerThatIsNotJsonRpcOnOneLine(String scheme) throws IOException {
        String page = "<html>\n  <head><title>404 Not Found</title></head>\n  <body>" + "nothing here ".repeat(30)
                + "</body>\n</html>";
        HttpServer server = LoopbackHttp.start(exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        try {
            String shown = "<html> <head><title>404 Not Found</title></head> <body>nothing here nothing here ";
            RpcTransportException e = expect(
                    scheme + "://127.0.0.1:" + server.getAddress().getPort(),
                    Duration.ofSeconds(10),
                    RpcTransportException.Failure.NOT_JSON_RPC,
                    RpcErrorKind.PERMANENT,
                    "not a JSON-RPC answer: HTTP 404, text/html, '" + shown);

            assertEquals(OptionalInt.of(404), e.statusCode());
            assertTrue(e.getMessage().endsWith("...'"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
