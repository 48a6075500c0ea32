package io.chainwire.rpc;

import java.util.Objects;

/** A live {@code eth_subscribe} subscription of a {@link WebSocketRpcClient}. */
public final class RpcSubscription {
    private final String id;
    private final WebSocketRpcClient client;

    RpcSubscription(String id, WebSocketRpcClient client) {
        this.id = Objects.requireNonNull(id, "id");
        this.client = client;
    }

    /** Returns the id the node gave the subscription. */
    public String id() {
        return id;
    }

    /**
     * Ends the subscription ({@code eth_unsubscribe} if the connection is still open); its listener's
     * {@link NewHeadsListener#onClose()} follows the heads already queued. Does nothing if it has ended already.
     *
     * @throws RpcException if the node could not be told; the listener is detached anyway
     */
    public void unsubscribe() {
        client.unsubscribe(id);
    }

    @Override
    public String toString() {
        return "RpcSubscription[" + id + " on " + client.endpoint() + "]";
    }
}
