package io.chainwire.stream.internal;

import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.WebSocketRpcClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Connects to real nodes: HTTP or WebSocket clients as the endpoint's scheme says, and head subscriptions over
 * WebSocket, connected on a short-lived daemon thread so that the stream's own thread never waits for a handshake.
 */
final class NetworkConnector implements NodeConnector {
    /** The one instance; it holds no state but its connecting threads. */
    static final NetworkConnector INSTANCE = new NetworkConnector();

    private final ExecutorService connecting = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "chainwire-connect");
        thread.setDaemon(true);
        return thread;
    });

    private NetworkConnector() {}

    @Override
    public RpcClient open(RpcEndpoint endpoint, Duration timeout, long maxResponseBytes) {
        return endpoint.isWebSocket()
                ? WebSocketRpcClient.builder(endpoint)
                        .timeout(timeout)
                        .maxResponseBytes(maxResponseBytes)
                        .connect()
                : HttpRpcClient.builder(endpoint)
                        .timeout(timeout)
                        .maxResponseBytes(maxResponseBytes)
                        .build();
    }

    @Override
    public CompletableFuture<HeadFeed> subscribeNewHeads(
            RpcEndpoint endpoint, Duration timeout, NewHeadsListener listener) {
        return CompletableFuture.supplyAsync(
                () -> {
                    WebSocketRpcClient client = WebSocketRpcClient.builder(endpoint)
                            .timeout(timeout)
                            .connect();
                    try {
                        client.subscribeNewHeads(listener);
                    } catch (RuntimeException e) {
                        client.close();
                        throw e;
                    }
                    return client::close;
                },
                connecting);
    }
}
