package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP RPC clients share one JDK client, and so its pooled connections, unless they connect with another timeout or
 * bring their own: seen from a real HTTP peer on the loopback interface, which records the port each request came from.
 */
class SharedHttpClientTest {
    private final List<Integer> ports = new CopyOnWriteArrayList<>();
    private HttpServer node;
    private RpcEndpoint endpoint;

    @BeforeEach
    void startNode() throws IOException {
        node = LoopbackHttp.start(this::answer);
        endpoint = LoopbackHttp.endpoint(node);
    }

    @AfterEach
    void stopNode() {
        node.stop(0);
    }

    @Test
    void clientsWithTheSameConnectTimeoutReuseOneConnection() {
        Duration connectTimeout = Duration.ofSeconds(7);
        for (int i = 0; i < 3; i++) {
            try (HttpRpcClient client = HttpRpcClient.builder(endpoint)
                    .connectTimeout(connectTimeout)
                    .build()) {
                assertEquals(6L, client.send(RpcRequest.blockNumber()));
            }
        }
        assertEquals(3, ports.size());
        assertEquals(1, ports.stream().distinct().count(), "ports " + ports);
    }

    @Test
    void aClientWithItsOwnHttpClientOrAnotherConnectTimeoutConnectsApart() {
        try (HttpRpcClient shared = HttpRpcClient.builder(endpoint)
                        .connectTimeout(Duration.ofSeconds(8))
                        .build();
                HttpRpcClient otherTimeout = HttpRpcClient.builder(endpoint)
                        .connectTimeout(Duration.ofSeconds(9))
                        .build();
                HttpRpcClient own = HttpRpcClient.builder(endpoint)
                        .httpClient(HttpClient.newHttpClient())
                        .build()) {
            shared.send(RpcRequest.blockNumber());
            otherTimeout.send(RpcRequest.blockNumber());
            own.send(RpcRequest.blockNumber());
        }
        assertEquals(3, ports.stream().distinct().count(), "ports " + ports);
    }

    private void answer(HttpExchange exchange) throws IOException {
        ports.add(exchange.getRemoteAddress().getPort());
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = request.replaceAll(".*\"id\":(\\d+).*", "$1");
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x6\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
