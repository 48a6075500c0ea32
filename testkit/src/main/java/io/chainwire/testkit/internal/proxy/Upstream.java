package io.chainwire.testkit.internal.proxy;

import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What is behind the proxy: a node, reached by JSON-RPC over HTTP and by raw sockets for WebSocket relays, or any TCP
 * server, reached by raw sockets only.
 */
final class Upstream {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;
    private final HttpRpcClient rpc;

    private Upstream(String host, int port, URI uri, Duration timeout, HttpClient http, HttpRpcClient rpc) {
        this.host = host;
        this.port = port;
        this.uri = uri;
        this.timeout = timeout;
        this.http = http;
        this.rpc = rpc;
    }

    /** The node at {@code uri}, an {@code http://} URL; requests forwarded to it may take {@code timeout}. */
    static Upstream node(URI uri, Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new Upstream(
                uri.getHost(),
                port,
                uri,
                timeout,
                http,
                HttpRpcClient.builder(RpcEndpoint.of(uri))
                        .timeout(timeout)
                        .httpClient(http)
                        .build());
    }

    /** The TCP server at {@code host} and {@code port}, for raw relays only: it has no HTTP side. */
    static Upstream tcp(String host, int port) {
        return new Upstream(host, port, null, null, null, null);
    }

    /** Returns true for a node, false for a TCP server whose bytes are relayed as they are. */
    boolean speaksJsonRpc() {
        return uri != null;
    }

    /** A node's answer: its status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {}

    /**
     * POSTs {@code body} to the node.
     *
     * @throws IOException if the node cannot be reached or does not answer within the timeout
     */
    Answer post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    /** Returns the node's head block number. */
    long blockNumber() throws IOException {
        try {
            return rpc.blockNumber();
        } catch (RpcException e) {
            throw new IOException("the node did not tell its head: " + e.getMessage(), e);
        }
    }

    /** Opens a TCP connection to the upstream's host and port. */
    Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Returns the {@code Host} field value for requests to the node. */
    String hostField() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return uri != null ? uri.toString() : "tcp " + hostField();
    }
}
