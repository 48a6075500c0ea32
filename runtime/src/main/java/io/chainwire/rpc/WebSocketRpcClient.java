package io.chainwire.rpc;

import io.chainwire.rpc.internal.HeadDispatcher;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import io.chainwire.rpc.internal.WebSocketSession;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client over one WebSocket connection: calls and batches like {@link HttpRpcClient}, plus {@code newHeads}
 * subscriptions.
 *
 * <p>The client never reconnects. When the connection drops, every subscription's listener gets
 * {@link NewHeadsListener#onError(RpcException)} and calls fail with {@link RpcTransportException}; the owner connects
 * again with the same builder ({@link Builder#connect()} may be called any number of times) and backfills what it
 * missed.
 *
 * <pre>{@code
 * WebSocketRpcClient.Builder node = WebSocketRpcClient.builder(RpcEndpoint.of("ws://127.0.0.1:8545"));
 * try (WebSocketRpcClient client = node.connect()) {
 *   client.subscribeNewHeads(listener);
 * }
 * }</pre>
 */
public final class WebSocketRpcClient implements RpcClient {
    private static final Duration MAX_CLOSE_WAIT = Duration.ofSeconds(5);
    private static final AtomicLong SUBSCRIPTIONS = new AtomicLong();

    private final RpcEndpoint endpoint;
    private final int queueCapacity;
    private final WebSocketSession session;
    private final CallSender calls;

    private WebSocketRpcClient(Builder builder, WebSocketSession session) {
        this.endpoint = builder.endpoint;
        this.queueCapacity = builder.queueCapacity;
        this.session = session;
        this.calls = new CallSender(endpoint, builder.timeout, session);
    }

    /**
     * Returns a builder for connections to {@code endpoint}.
     *
     * @throws IllegalArgumentException if the endpoint is not a ws or wss URL
     */
    public static Builder builder(RpcEndpoint endpoint) {
        if (!endpoint.isWebSocket()) {
            throw new IllegalArgumentException("a WebSocket client needs a ws:// or wss:// URL, got " + endpoint);
        }
        return new Builder(endpoint);
    }

    @Override
    public RpcEndpoint endpoint() {
        return endpoint;
    }

    /** Returns true until the connection ends, by {@link #close()} or otherwise. */
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public <T> T send(RpcRequest<T> request) {
        return calls.send(request);
    }

    @Override
    public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
        return calls.batch(requests);
    }

    /**
     * Subscribes to new block headers ({@code eth_subscribe} {@code newHeads}). Heads are delivered to {@code listener}
     * on a thread of the subscription's own, through a bounded queue.
     *
     * @throws RpcException if the node refuses or the connection fails
     */
    public RpcSubscription subscribeNewHeads(NewHeadsListener listener) {
        Objects.requireNonNull(listener, "listener");
        calls.requireOpen();
        RpcCall<String> call = RpcRequest.subscribe("newHeads").call();
        HeadDispatcher dispatcher =
                new HeadDispatcher(listener, queueCapacity, "newheads-" + SUBSCRIPTIONS.incrementAndGet());
        try {
            String subscription = calls.call(call, calls.timeout(), id -> reader -> {
                String subscriptionId = ResponseReader.single(reader, endpoint, id, call);
                session.attach(subscriptionId, dispatcher);
                return subscriptionId;
            });
            return new RpcSubscription(subscription, this);
        } catch (RpcException | IllegalStateException e) {
            // A subscribe that timed out may have been attached meanwhile.
            session.detach(dispatcher);
            dispatcher.discard();
            throw e;
        }
    }

    void unsubscribe(String subscription) {
        HeadDispatcher dispatcher = session.detach(subscription);
        if (dispatcher == null) {
            return;
        }
        dispatcher.finish(null);
        if (session.isOpen()) {
            send(RpcRequest.unsubscribe(subscription));
        }
    }

    /**
     * Closes the connection: calls in flight fail at once with an {@link RpcTransportException} whose failure is
     * {@link RpcTransportException.Failure#CLOSED}, later calls with {@link IllegalStateException}, and subscriptions
     * end with {@link NewHeadsListener#onClose()}. Waits a few seconds at most for the node's close reply.
     */
    @Override
    public void close() {
        calls.close();
        Duration timeout = calls.timeout();
        session.close(timeout.compareTo(MAX_CLOSE_WAIT) < 0 ? timeout : MAX_CLOSE_WAIT);
    }

    @Override
    public String toString() {
        return "WebSocketRpcClient[" + endpoint + (isOpen() ? "" : ", closed") + "]";
    }

    /** Configures connections of a {@link WebSocketRpcClient}; reusable, to reconnect. */
    public static final class Builder extends ClientBuilder<Builder> {
        private int queueCapacity = 1024;

        private Builder(RpcEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets how many heads may wait for a subscription's listener; default 1024.
         *
         * @throws IllegalArgumentException if {@code capacity} is not positive
         */
        public Builder queueCapacity(int capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("queueCapacity must be positive, got " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Opens a new connection.
         *
         * @throws RpcException if it cannot be opened within the connect timeout
         */
        public WebSocketRpcClient connect() {
            return new WebSocketRpcClient(
                    this, WebSocketSession.connect(http(), endpoint, connectTimeout, maxResponseBytes));
        }
    }
}
