package io.chainwire.stream.simulation;

import io.chainwire.rpc.InProcessRpcClient;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.internal.NodeConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Connects a stream to simulated nodes instead of the network: each endpoint's client is an {@link InProcessRpcClient}
 * over its node, and head subscriptions complete at once.
 */
public final class SimulatedConnector implements NodeConnector {
    private final Map<RpcEndpoint, SimulatedNode> nodes = new LinkedHashMap<>();
    private final VirtualClock clock;

    /** Creates a connector to {@code nodes}, one per endpoint. */
    public SimulatedConnector(List<SimulatedNode> nodes, VirtualClock clock) {
        for (SimulatedNode node : nodes) {
            this.nodes.put(node.endpoint(), node);
        }
        this.clock = clock;
    }

    @Override
    public RpcClient open(RpcEndpoint endpoint, Duration timeout, long maxResponseBytes) {
        return new InProcessRpcClient(endpoint, timeout, maxResponseBytes, node(endpoint), this::wallClock);
    }

    @Override
    public CompletableFuture<HeadFeed> subscribeNewHeads(
            RpcEndpoint endpoint, Duration timeout, NewHeadsListener listener) {
        return node(endpoint).subscribe(listener);
    }

    private Instant wallClock() {
        return Instant.ofEpochSecond(1_700_000_000L).plusNanos(clock.nanoTime());
    }

    private SimulatedNode node(RpcEndpoint endpoint) {
        SimulatedNode node = nodes.get(endpoint);
        if (node == null) {
            throw new IllegalArgumentException("no simulated node serves " + endpoint);
        }
        return node;
    }
}
