package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.LoopbackHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stream probes every endpoint before it delivers and fails after the startup timeout, saying why for each endpoint,
 * unless what stands in its way is a rate limit or a server error.
 */
class StartupTest {
    private static final EventDispatcher NOTHING = new EventDispatcher() {
        @Override
        public Set<Hash> topics() {
            return Set.of(Hash.keccak256("A()"));
        }

        @Override
        public boolean dispatch(RawLog log, EventContext context) {
            return false;
        }
    };

    /** Starts a stream on {@code endpoints} that must serve chain 1, so that every one of them is probed. */
    private static StreamHandle start(String... endpoints) {
        return start(EventStream.builder().chainId(1), endpoints);
    }

    private static StreamHandle start(EventStream.Builder builder, String... endpoints) {
        builder.id("startup")
                .startupTimeout(Duration.ofSeconds(1))
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(NOTHING);
        for (String endpoint : endpoints) {
            builder.endpoint(endpoint);
        }
        return builder.build().start();
    }

    private static StreamException failure(StreamHandle handle) throws InterruptedException {
        assertTrue(handle.awaitTermination(Duration.ofMinutes(1)), "the stream still runs: " + handle.state());
        assertEquals(StreamState.FAILED, handle.state());
        return handle.failure().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void failsAfterTheStartupTimeoutNamingEachEndpointAndItsCause() throws Exception {
        int refusing = freePort();
        int refusingSocket = freePort();
        HttpServer page = LoopbackHttp.start(
                exchange -> answer(exchange, 404, "text/html", "<html>\n<body>Not Found</body>\n</html>"));
        try (StreamHandle handle = start(
                "http://127.0.0.1:" + refusing + "/v3/secretkey123",
                "http://127.0.0.1:" + page.getAddress().getPort() + "/rpc",
                "ws://127.0.0.1:" + refusingSocket)) {
            NodesUnreachableException failure = assertInstanceOf(NodesUnreachableException.class, failure(handle));
            String message = failure.getMessage();
            assertTrue(
                    message.startsWith("stream 'startup': no endpoint answered within 1 s: http://127.0.0.1:" + refusing
                            + "/***/***: "),
                    message);
            assertTrue(message.contains("connection refused by http://127.0.0.1:" + refusing + "/***/***"), message);
            assertTrue(message.contains("connection refused by ws://127.0.0.1:" + refusingSocket), message);
            assertTrue(
                    message.contains(
                            "not a JSON-RPC answer: HTTP 404, text/html, '<html> <body>Not Found</body> </html>'"),
                    message);
            assertTrue(!message.contains("secretkey123") && !message.contains("\n"), message);
        } finally {
            page.stop(0);
        }
    }

    @Test
    void keepsWaitingThroughServerErrorsAndRateLimitsPastTheStartupTimeout() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer busy = LoopbackHttp.start(exchange -> {
            asked.incrementAndGet();
            answer(exchange, 503, "text/plain", "upstream unavailable");
        });
        try (StreamHandle handle = start("http://127.0.0.1:" + busy.getAddress().getPort())) {
            // Probe rounds come 0 to 200 ms apart, 100 ms on average: forty of them outlast the 1 s
            // startup timeout.
            while (asked.get() < 40) {
                assertTrue(!handle.awaitTermination(Duration.ofMillis(50)), "failed: " + handle.failure());
            }
            assertEquals(StreamState.STARTING, handle.state());
            assertTrue(handle.isLive(), "it does its job: waiting for a node");
            assertFalse(handle.isReady(), "no endpoint answered yet");
        } finally {
            busy.stop(0);
        }
    }

    @Test
    void probesAtLeastTwiceWhenOneProbeOutlastsTheStartupTimeout() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        HttpServer slow = LoopbackHttp.start(exchange -> {
            if (asked.incrementAndGet() == 1) {
                try {
                    // Outlasts the request timeout, itself longer than the startup timeout.
                    released.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, 404, "text/plain", "no such page");
        });
        try (StreamHandle handle = start(
                EventStream.builder().chainId(1).requestTimeout(Duration.ofMillis(1500)),
                "http://127.0.0.1:" + slow.getAddress().getPort())) {
            NodesUnreachableException failure = assertInstanceOf(NodesUnreachableException.class, failure(handle));
            assertTrue(asked.get() >= 2, "probed " + asked.get() + " time(s): " + failure.getMessage());
        } finally {
            released.countDown();
            slow.stop(0);
        }
    }

    @Test
    void learnsTheChainFromTheFirstEndpointOnlyAndSaysSoWhenItDoesNotAnswer() throws Exception {
        int refusing = freePort();
        HttpServer other = LoopbackHttp.start(exchange ->
                answer(exchange, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x5\"}"));
        try (StreamHandle handle = start(
                EventStream.builder(),
                "http://127.0.0.1:" + refusing,
                "http://127.0.0.1:" + other.getAddress().getPort())) {
            String message = failure(handle).getMessage();
            assertTrue(
                    message.endsWith("(the chain is learned from the first endpoint: set chainId(...) to start on the"
                            + " others)"),
                    message);
        } finally {
            other.stop(0);
        }
    }
}
