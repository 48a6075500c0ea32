package io.chainwire.stream.internal;

import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a stream's connections to its nodes: clients for requests, and {@code newHeads} subscriptions. A running stream
 * opens HTTP and WebSocket clients; a simulation answers from a chain in memory ({@link NetworkConnector} is the real
 * one).
 */
public interface NodeConnector {
    /**
     * Opens a client for requests to {@code endpoint} whose requests time out after {@code timeout} and whose responses
     * may hold at most {@code maxResponseBytes}; nothing need connect before the first request.
     *
     * @throws io.chainwire.rpc.RpcException if a connection is opened and fails
     */
    RpcClient open(RpcEndpoint endpoint, Duration timeout, long maxResponseBytes);

    /**
     * Connects to {@code endpoint} and subscribes to new heads, without blocking the caller: the future completes with
     * the open subscription, or with the {@link io.chainwire.rpc.RpcException} that prevented it. Heads then go to
     * {@code listener} until the subscription ends with exactly one of its {@code onError} and {@code onClose}.
     */
    CompletableFuture<HeadFeed> subscribeNewHeads(RpcEndpoint endpoint, Duration timeout, NewHeadsListener listener);

    /** An open {@code newHeads} subscription; closing it closes its connection. */
    @FunctionalInterface
    interface HeadFeed extends AutoCloseable {
        @Override
        void close();
    }
}
