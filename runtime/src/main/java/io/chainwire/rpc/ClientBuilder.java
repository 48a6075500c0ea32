package io.chainwire.rpc;

import io.chainwire.rpc.internal.SharedHttpClients;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What the builders of {@link HttpRpcClient} and {@link WebSocketRpcClient} share: the endpoint, timeouts, the JDK
 * client and the response size limit, with their defaults and validation.
 *
 * @param <B> the builder, which each setter returns
 */
abstract class ClientBuilder<B extends ClientBuilder<B>> {
    static final long DEFAULT_MAX_RESPONSE_BYTES = 32L << 20;
    static final long MIN_MAX_RESPONSE_BYTES = 1024;

    final RpcEndpoint endpoint;
    Duration timeout = Duration.ofSeconds(30);
    Duration connectTimeout = Duration.ofSeconds(10);
    long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private HttpClient httpClient;

    ClientBuilder(RpcEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    abstract B self();

    /** Sets the default timeout of a call, from sending until the whole response is read; default 30 s. */
    public B timeout(Duration timeout) {
        this.timeout = RpcRequest.positive(timeout, "timeout");
        return self();
    }

    /**
     * Sets how long opening a connection may take (TCP, and for WebSocket the handshake); default 10 s. Without
     * {@link #httpClient}, clients with the same connect timeout share one JDK {@link HttpClient}: its connection pool
     * and selector thread, as the JDK advises.
     */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = RpcRequest.positive(connectTimeout, "connectTimeout");
        return self();
    }

    /**
     * Uses {@code client} (and its connection pool) instead of the shared one; its own connect timeout then bounds the
     * TCP connect.
     */
    public B httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return self();
    }

    /**
     * Sets the most bytes one response may hold (an HTTP body after gzip decompression, or a WebSocket message in
     * UTF-8); default 32 MiB. A larger response is abandoned as soon as it crosses the limit, never buffered past it,
     * and fails with an {@link RpcResponseException} whose {@link RpcResponseException#isTooLarge()} is true:
     * {@link RpcErrorKind#RANGE_TOO_LARGE}, so that a log range is narrowed.
     *
     * @throws IllegalArgumentException if {@code maxResponseBytes} is below 1024
     */
    public B maxResponseBytes(long maxResponseBytes) {
        if (maxResponseBytes < MIN_MAX_RESPONSE_BYTES) {
            throw new IllegalArgumentException(
                    "maxResponseBytes must be at least " + MIN_MAX_RESPONSE_BYTES + ", got " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        return self();
    }

    /** Returns the JDK client to use: the one given, or the one shared for this connect timeout. */
    HttpClient http() {
        return httpClient != null ? httpClient : SharedHttpClients.withConnectTimeout(connectTimeout);
    }
}
